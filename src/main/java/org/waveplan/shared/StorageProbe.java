package org.waveplan.shared;

/**
 * A place this instance keeps files in, asked by readiness ({@code /actuator/health/readiness}, contributor
 * {@code storage}) whether it can be used now: an instance that cannot read or write its files is sent no
 * requests by a load balancer. A store is a bean implementing this; the data directory always is one.
 */
public interface StorageProbe {

	/** What is probed, for the health details: a directory, a bucket. */
	String name();

	/**
	 * Reads and writes something small, within a few seconds.
	 * @throws Exception saying why the store cannot be used now
	 */
	void probe() throws Exception;

}

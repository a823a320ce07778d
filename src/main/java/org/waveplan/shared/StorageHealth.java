package org.waveplan.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Readiness's {@code storage} (the bean name less its suffix): down while any {@link StorageProbe} fails, naming the store and why. */
@Component("storageHealthIndicator")
class StorageHealth extends AbstractHealthIndicator {

	private final ObjectProvider<StorageProbe> probes;

	StorageHealth(ObjectProvider<StorageProbe> probes) {
		super("Storage health check failed");
		this.probes = probes;
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		health.up();
		for (StorageProbe probe : probes.orderedStream().toList()) {
			try {
				probe.probe();
				health.withDetail(probe.name(), "UP");
			}
			catch (Exception e) {
				health.down().withDetail(probe.name(), String.valueOf(e));
			}
		}
	}

}

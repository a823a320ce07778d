package org.waveplan.shared;

import java.time.Duration;

/** Waits between attempts of a job that failed for what may pass: the first wait, doubled before each later one. */
public final class Backoff {

	private Backoff() {
	}

	/** The wait after that many attempts (the first wait after one). */
	public static Duration doubling(Duration first, int attempts) {
		return first.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
	}

}

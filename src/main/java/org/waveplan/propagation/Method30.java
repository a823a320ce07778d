package org.waveplan.propagation;

import java.util.List;

/**
 * VOACAP's method 30 (LUFFY and below) for one circuit: per hour and frequency the modes, their losses and
 * distributions, and the most reliable one; short path below 7,000 km, long path from 10,000 km, the two blended
 * in between.
 */
final class Method30 {

	private final PathIonosphere ionosphere;

	private final ReceiverNoise noise;

	private final double powerKw;

	private final double transmitGainDbi;

	private final double receiveGainDbi;

	Method30(PathIonosphere ionosphere, ReceiverNoise noise, double powerKw, double transmitGainDbi,
			double receiveGainDbi) {
		this.ionosphere = ionosphere;
		this.noise = noise;
		this.powerKw = powerKw;
		this.transmitGainDbi = transmitGainDbi;
		this.receiveGainDbi = receiveGainDbi;
	}

	List<CircuitPrediction.Frequency> at(int utcHour, CircuitMuf muf, double[] frequencies) {
		throw new UnsupportedOperationException("method 30 is being ported");
	}

}

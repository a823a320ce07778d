package org.waveplan.propagation;

import java.util.List;

/**
 * A circuit's prediction: per hour method 26's MUF, FOT and HPF, and per frequency method 30's most reliable mode,
 * circuit reliability, median SNR and median signal power.
 *
 * @param distanceKm the great-circle distance, short path
 */
public record CircuitPrediction(double distanceKm, List<Hour> hours) {

	/**
	 * @param utcHour 0-23
	 * @param muf the circuit MUF (median), MHz
	 * @param fot the optimum working frequency (the MUF's lower decile), MHz
	 * @param hpf the highest possible frequency (its upper decile), MHz
	 */
	public record Hour(int utcHour, double muf, double fot, double hpf, List<Frequency> frequencies) {
	}

	/**
	 * @param mhz the frequency
	 * @param mode the most reliable mode as VOACAP prints it without spaces: hops and layer ({@code 2F2},
	 * {@code 1E}); in the 7,000-10,000 km blend of short and long path the two layers at the ends ({@code F2F2})
	 * @param reliability the circuit reliability: the probability, 0-1, that the SNR reaches the required 73 dB-Hz
	 * @param snrDb the median signal-to-noise ratio, dB-Hz; null without a mode (no signal to speak of)
	 * @param signalDbw the median signal power at the receiver, dBW; null without a mode
	 */
	public record Frequency(double mhz, String mode, double reliability, Double snrDb, Double signalDbw) {
	}

}

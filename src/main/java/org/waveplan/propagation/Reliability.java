package org.waveplan.propagation;

import java.util.List;

/**
 * A frequency's circuit reliability as VOACAP's RELBIL scores its modes: each mode's probability that the SNR reaches
 * the required one (the SNR's deciles from the signal's and the noise's, normal on either side); the most reliable
 * mode, or within 0.05 of it the one of fewer hops, then of higher SNR; and the modes' powers added (random phase) into
 * the signal whose median, deciles and reliability the circuit has.
 *
 * @param best the most reliable mode
 * @param reliability 0-1
 * @param snr the median SNR, dB-Hz (the best mode's, moved by what the other modes add)
 * @param signalPower the median signal, dBW (all modes' powers)
 * @param lowerDecile the signal's lower decile below its median, dB
 */
record Reliability(PathMode best, double reliability, double snr, double signalPower, double lowerDecile) {

	/** VOACAP's required SNR for the reference system, dB-Hz (SYSTEM card). */
	static final double REQUIRED_SNR = 73.;

	private static final double CLOSE = 0.05;

	private static final double FLOOR = 0.001;

	private static final double LEAST_DECILE = .2;

	private static final double MOST_DECILE = 30.;

	/**
	 * @param modes at least one
	 * @param noise the receiver's noise at the frequency
	 * @param receiverEfficiency dB the receiving antenna loses (0 for VOACAP's isotropic one)
	 */
	static Reliability of(List<PathMode> modes, ReceiverNoise.Noise noise, double receiverEfficiency) {
		double du2 = noise.upperDecile() * noise.upperDecile();
		double dl2 = noise.lowerDecile() * noise.lowerDecile();
		int n = modes.size();
		double[] reliabilities = new double[n];
		double[] snrs = new double[n];
		int most = 0;
		for (int i = 0; i < n; i++) {
			PathMode mode = modes.get(i);
			snrs[i] = mode.signalPower() - noise.median() - receiverEfficiency;
			reliabilities[i] = mode.virtualHeight() <= HopSlots.LOWEST_MODE_KM ? FLOOR
					: reliability(snrs[i], Math.sqrt(du2 + square(mode.lowerDecile())),
							Math.sqrt(dl2 + square(mode.upperDecile())));
			if (reliabilities[i] > reliabilities[most]) {
				most = i;
			}
		}
		int best = most;
		double bestReliability = reliabilities[most];
		for (int i = 0; i < n; i++) {
			if (i == most) {
				continue;
			}
			bestReliability = Math.max(bestReliability, .00000001);
			if (Math.abs(reliabilities[i] - bestReliability) >= CLOSE) {
				continue;
			}
			double bestHops = modes.get(best).hops();
			boolean better = Math.abs(bestHops - modes.get(i).hops()) <= CLOSE ? snrs[best] < snrs[i]
					: bestHops > modes.get(i).hops();
			if (better) {
				best = i;
				bestReliability = reliabilities[i];
			}
		}
		PathMode chosen = modes.get(best);
		if (n == 1) {
			return new Reliability(chosen, reliabilities[best], snrs[best], chosen.signalPower(), chosen.lowerDecile());
		}
		double strongest = Double.NEGATIVE_INFINITY;
		double strongestLow = Double.NEGATIVE_INFINITY;
		double strongestHigh = Double.NEGATIVE_INFINITY;
		for (PathMode mode : modes) {
			strongest = Math.max(strongest, mode.signalPower());
			strongestLow = Math.max(strongestLow, mode.signalPower() - mode.lowerDecile());
			strongestHigh = Math.max(strongestHigh, mode.signalPower() + mode.upperDecile());
		}
		strongest = Math.max(strongest, -1000.);
		strongestLow = Math.max(strongestLow, -1000.);
		strongestHigh = Math.max(strongestHigh, -1000.);
		double sum = 0;
		double low = 0;
		double high = 0;
		for (PathMode mode : modes) {
			sum += power(mode.signalPower() - strongest);
			low += power(mode.signalPower() - mode.lowerDecile() - strongestLow);
			high += power(mode.signalPower() + mode.upperDecile() - strongestHigh);
		}
		double median = sum > 0 ? strongest + 10. * Math.log10(sum) : -500.;
		double lower = low > 0 ? Math.abs(median - 10. * Math.log10(low) - strongestLow) : 0.;
		lower = Math.max(LEAST_DECILE, Math.min(MOST_DECILE, lower));
		double upper = high > 0 ? Math.abs(strongestHigh + 10. * Math.log10(high) - median) : 0.;
		upper = Math.max(LEAST_DECILE, Math.min(MOST_DECILE, upper));
		double snr = snrs[best] + median - chosen.signalPower();
		double d10 = Math.max(LEAST_DECILE, Math.sqrt(du2 + lower * lower));
		double d90 = Math.min(MOST_DECILE, Math.sqrt(dl2 + upper * upper));
		return new Reliability(chosen, reliability(snr, d10, d90), snr, median, lower);
	}

	/** The probability that the SNR reaches the required one, its distribution normal on either side. */
	static double reliability(double medianSnr, double lowerDecile, double upperDecile) {
		double z = REQUIRED_SNR - medianSnr;
		z = z <= 0 ? z / (lowerDecile / Voacap.DECILE) : z / (upperDecile / Voacap.DECILE);
		return 1. - MufProbability.normal(z);
	}

	/** A power relative to the strongest, as VOACAP adds them: one 100 dB or more below it is left out. */
	private static double power(double relativeDb) {
		double exponent = .1 * relativeDb;
		return exponent > -10. ? Math.pow(10., exponent) : 0.;
	}

	private static double square(double x) {
		return x * x;
	}

	/** VOACAP's printed mode: the hops and the layer ({@code 2F2}). */
	String modeName() {
		return (int) best.hops() + PathMode.layerName(best.layer());
	}

}

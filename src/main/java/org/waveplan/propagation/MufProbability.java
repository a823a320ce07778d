package org.waveplan.propagation;

/**
 * The probability that a layer supports a frequency (VOACAP's PRBMUF): the MUF of a hop is normal about its median
 * with the layer's lower deviation below it and upper above, both scaled to where the distribution is placed (at the
 * MUF, the FOT or the HPF). The normal tail is AMS 55's 26.2.19, as VOACAP computes it (FNORML).
 */
final class MufProbability {

	private static final double[] C = { .196854, .115194, .000344, .019527 };

	private static final double LEAST_SIGMA = 0.001;

	private static final double FARTHEST_Z = 5.0;

	private MufProbability() {
	}

	/**
	 * @param frequency the operating frequency, MHz
	 * @param hopMuf the layer's MUF for this hop (it may not be the circuit's)
	 * @param median where the distribution's median is placed (the layer's MUF, FOT or HPF); 0 or less makes the
	 *     answer a step: 1 at or below the hop's MUF, 0 above
	 */
	static double of(double frequency, double hopMuf, double median, double lowerDeviation, double upperDeviation) {
		double z = frequency - hopMuf;
		if (median <= 0) {
			return z <= 0 ? 1. : 0.;
		}
		double sigma = Math.max(hopMuf * (z <= 0 ? lowerDeviation : upperDeviation) / median, LEAST_SIGMA);
		return 1. - normal(z / sigma);
	}

	static double of(double frequency, double hopMuf, double median, LayerMuf layer) {
		return of(frequency, hopMuf, median, layer.lowerDeviation(), layer.upperDeviation());
	}

	/** The cumulative normal distribution (FNORML). */
	static double normal(double x) {
		double y = Math.min(FARTHEST_Z, Math.abs(x));
		double q = 1. + y * (C[0] + y * (C[1] + y * (C[2] + y * C[3])));
		q = q * q * q * q;
		double tail = .5 / q;
		return x < 0 ? tail : 1. - tail;
	}

}

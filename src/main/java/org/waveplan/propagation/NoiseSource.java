package org.waveplan.propagation;

/**
 * One source of radio noise at the receiver as a distribution over the days of the month and the hours of a time
 * block (ITS report 87-212, VOACAP's GENOIS): a median in dB above kTb (Fa), its upper and lower deciles as dB above
 * and below the median (each half taken as log-normal), and the prediction errors of the three, dB.
 */
record NoiseSource(double median, double upperDecile, double lowerDecile, double medianError, double upperError,
		double lowerError) {

	/** dB per neper: 10 / ln 10. */
	static final double DB_PER_NEPER = 4.34294;

	/** The normal distribution's 90 % point. */
	private static final double DECILE = 1.282;

	/** Galactic noise (CCIR Report 322), reaching the ground only above the F2 critical frequency. */
	static NoiseSource galactic(double frequency) {
		return new NoiseSource(52. - 23. * Math.log10(frequency), 2., 2., .5, .2, .2);
	}

	/**
	 * Man-made noise from its level at 3 MHz, dBW/Hz (VOACAP's SYSTEM card gives it as dB below 1 W, -150 a
	 * residential area's), falling by 27.7 dB a decade.
	 */
	static NoiseSource manMade(double dbwAt3MHz, double frequency) {
		return new NoiseSource(204. + dbwAt3MHz + 13.22 - 27.7 * Math.log10(frequency), 9.7, 6., 5.4, 1.5, 1.5);
	}

	/** The mean power (kTb units) of the upper half's log-normal distribution. */
	double upperMean() {
		return mean(upperDecile);
	}

	double lowerMean() {
		return mean(lowerDecile);
	}

	/** The variance of the upper half's log-normal distribution. */
	double upperVariance() {
		return variance(upperDecile);
	}

	double lowerVariance() {
		return variance(lowerDecile);
	}

	private double mean(double decile) {
		double sigma = decile / (DECILE * DB_PER_NEPER);
		return Math.exp(sigma * sigma / 2 + median / DB_PER_NEPER);
	}

	private double variance(double decile) {
		double sigma = decile / (DECILE * DB_PER_NEPER);
		double mean = mean(decile);
		return mean * mean * (Math.exp(sigma * sigma) - 1.);
	}

}

package org.waveplan;

/** The benchmarks' percentiles: the sample at the share of a sorted array, the highest for the top. */
public final class Percentiles {

	private Percentiles() {
	}

	public static double of(double[] sorted, double percent) {
		return sorted[Math.min(sorted.length - 1, (int) (sorted.length * percent / 100))];
	}

}

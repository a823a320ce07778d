package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A transmitter's predictions at every point of a target (a CIRAF zone's test points, or one receiver), and what they
 * make together: per hour the median MUF and FOT of the points, and per frequency the median and the worst point's
 * reliability and the median SNR.
 */
public record TargetPrediction(List<Point> points, List<Hour> hours) {

	/** One receiver's prediction, as the engine gave it. */
	public record Point(GeoPoint position, CircuitPrediction prediction) {
	}

	/** An hour over all the points; {@code muf} and {@code fot} are the points' medians. */
	public record Hour(int utcHour, double muf, double fot, List<Frequency> frequencies) {
	}

	/**
	 * A frequency at an hour, or over all the hours, over all the points.
	 * @param medianSnrDb null when the median falls on a point without a mode
	 */
	public record Frequency(double mhz, double medianReliability, double worstReliability, Double medianSnrDb) {
	}

	/**
	 * A frequency over all the hours: a point's reliability over the air time is the mean of its hours' (the share of
	 * the hours it can be expected to hear the signal); the median and the worst of the points' are given, and the
	 * median SNR of every point and hour.
	 * @throws IllegalArgumentException if the frequency was not predicted
	 */
	public Frequency overall(double mhz) {
		double[] reliability = new double[points.size()];
		List<Double> snr = new ArrayList<>();
		for (int p = 0; p < points.size(); p++) {
			double sum = 0;
			List<CircuitPrediction.Hour> pointHours = points.get(p).prediction().hours();
			for (CircuitPrediction.Hour hour : pointHours) {
				CircuitPrediction.Frequency frequency = at(hour, mhz);
				sum += frequency.reliability();
				snr.add(frequency.snrDb());
			}
			reliability[p] = sum / pointHours.size();
		}
		return new Frequency(mhz, median(reliability), min(reliability), medianSnr(snr));
	}

	static CircuitPrediction.Frequency at(CircuitPrediction.Hour hour, double mhz) {
		return hour.frequencies()
			.stream()
			.filter(f -> Math.abs(f.mhz() - mhz) < 0.0005)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(mhz + " MHz was not predicted"));
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/**
	 * The median SNR; a point without a mode (no SNR, null) hears nothing, so counts as the lowest, and a median that
	 * falls on one is none.
	 */
	static Double medianSnr(List<Double> values) {
		double median = median(values.stream().mapToDouble(v -> v == null ? Double.NEGATIVE_INFINITY : v).toArray());
		return Double.isInfinite(median) ? null : median;
	}

	static double min(double[] values) {
		return Arrays.stream(values).min().orElseThrow();
	}

}

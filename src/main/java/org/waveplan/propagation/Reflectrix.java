package org.waveplan.propagation;

import static org.waveplan.propagation.Voacap.D2R;
import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;

/**
 * A sample area's reflectrix as VOACAP's FOBBY tabulates it for the modes: for each take-off angle of a fixed scan
 * and each of the ionogram's sounding frequencies, the oblique frequency the secant law reflects at that frequency's
 * true height. The scan stops at a highest angle that falls with the path's length (SANG), since the modes of long
 * paths leave low.
 *
 * @param angles how many of {@link #ANGLES} the table covers (VOACAP's NANG)
 * @param obliqueKhz per angle and ionogram frequency, kHz, the fraction dropped as VOACAP keeps them (IFOB)
 */
record Reflectrix(int angles, int[][] obliqueKhz) {

	/** The take-off angles of the scan, degrees (BLKDAT's ANG). */
	static final double[] ANGLES = { 0., 0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 14., 16., 18., 20., 22.,
			24., 26., 28., 30., 32., 34., 36., 38., 40., 42., 44., 46., 48., 50., 52., 54., 56., 60., 65., 70., 75.,
			80., 85., 89.99 };

	/** How many angles a path scans, per 2000 km of its length (the last for 14,000 km and more). */
	private static final int[] ANGLES_BY_DISTANCE = { 40, 34, 29, 24, 19, 14, 12, 9 };

	private static final double DISTANCE_STEP_KM = 2000.;

	/** The scan reaches at least this far above the lowest elevation angle, degrees ... */
	private static final double ABOVE_LOWEST = 10.;

	/** ... else it is widened to the first angle this far above it. */
	private static final double WIDENED_ABOVE_LOWEST = 8.5;

	/** The square of the cosine of incidence is at least this (a wave at the horizon). */
	private static final double LEAST_COSINE_SQUARE = .000001;

	/**
	 * SANG: how many take-off angles a path scans.
	 *
	 * @param minimumElevation the lowest elevation angle the antennas use, degrees (AMIND)
	 */
	static int angles(double pathKm, double minimumElevation) {
		int angles = ANGLES_BY_DISTANCE[Math.min((int) (pathKm / DISTANCE_STEP_KM + 1.), ANGLES_BY_DISTANCE.length)
				- 1];
		if (minimumElevation > 0 && ANGLES[angles - 1] - ABOVE_LOWEST - minimumElevation < 0) {
			angles = ANGLES.length;
			for (int i = 0; i < ANGLES.length; i++) {
				if (ANGLES[i] - WIDENED_ABOVE_LOWEST - minimumElevation >= 0) {
					angles = i + 1;
					break;
				}
			}
		}
		return angles;
	}

	/** FOBBY over an area's ionogram, for the first {@code angles} take-off angles. */
	static Reflectrix of(Ionogram ionogram, int angles) {
		int[][] oblique = new int[angles][Ionogram.FREQUENCIES];
		for (int a = 0; a < angles; a++) {
			double horizontal = EARTH_RADIUS_KM * Math.cos(ANGLES[a] * D2R);
			for (int i = 0; i < Ionogram.FREQUENCIES; i++) {
				double sinIncidence = horizontal / (EARTH_RADIUS_KM + ionogram.trueHeights()[i]);
				double cosIncidence = Math.sqrt(Math.max(LEAST_COSINE_SQUARE, 1. - sinIncidence * sinIncidence));
				oblique[a][i] = (int) (1000. * ionogram.frequencies()[i] / cosIncidence);
			}
		}
		return new Reflectrix(angles, oblique);
	}

}

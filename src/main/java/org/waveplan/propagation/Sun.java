package org.waveplan.propagation;

import static org.waveplan.propagation.Voacap.D2R;

/**
 * The sun as VOACAP sees it (TIMVAR): no day of the month and no equation of time. For each month VOACAP tabulates
 * the sun's declination on its first and its last day, and takes at a control point the one farther from the
 * point's latitude, so the zenith angle is the month's largest at that hour; the sun stands over longitude
 * 180 - 15 UT degrees.
 */
final class Sun {

	// declination, degrees, on the first and the last day of January .. December (VOACAP's SUN(2,12))
	private static final double[] FIRST_DAY = { -23.05, -17.30, -7.88, 4.26, 14.84, 21.93, 23.15, 18.20, 8.55, -2.90,
			-14.20, -21.66 };

	private static final double[] LAST_DAY = { -17.31, -7.89, 4.21, 14.83, 21.93, 23.45, 18.23, 8.68, -2.86, -14.16,
			-21.68, -23.45 };

	private Sun() {
	}

	/** The latitude of the subsolar point, radians, that VOACAP uses for a month (1-12) at a latitude (radians). */
	static double subsolarLatitude(int month, double latitude) {
		double first = D2R * FIRST_DAY[month - 1];
		double last = LAST_DAY[month - 1] * D2R;
		return Math.abs(latitude - first) <= Math.abs(latitude - last) ? last : first;
	}

	/**
	 * The solar zenith angle, radians (0 to pi), at a point (radians) in a month (1-12) at a UT hour (VOACAP's
	 * hours, 1 to 24: see {@link LocalMeanTime#voacapHour(int)}).
	 */
	static double zenithAngle(int month, double ut, double latitude, double longitude) {
		double subsolarLongitude = (180. - 15. * ut) * D2R;
		double subsolarLatitude = subsolarLatitude(month, latitude);
		return Voacap.acos(Math.sin(latitude) * Math.sin(subsolarLatitude)
				+ Math.cos(latitude) * Math.cos(subsolarLatitude) * Math.cos(longitude - subsolarLongitude));
	}

}

package org.waveplan.propagation;

/**
 * The sun's zenith angle and the geomagnetic latitude at a control point as VOACAP takes them (TIMVAR, GEOM), for
 * these tests only: the module's geometry (another piece of issue 13) owns them, and replaces this once merged.
 */
final class VoacapSky {

	/** The subsolar latitude at the start and end of each month (VOACAP's SUN table), degrees. */
	private static final double[][] SUBSOLAR = { { -23.05, -17.31 }, { -17.30, -7.89 }, { -7.88, 4.21 },
			{ 4.26, 14.83 }, { 14.84, 21.93 }, { 21.93, 23.45 }, { 23.15, 18.23 }, { 18.20, 8.68 }, { 8.55, -2.86 },
			{ -2.90, -14.16 }, { -14.20, -21.68 }, { -21.66, -23.45 } };

	private static final double POLE_LATITUDE = Math.toRadians(79.5);

	private static final double POLE_LONGITUDE = Math.toRadians(-69.0);

	private VoacapSky() {
	}

	/** Radians, with the month's subsolar latitude (of its two) farther from the point, as TIMVAR picks it. */
	static double zenithAngle(int month, double universalTime, double latitude, double longitude) {
		double start = Math.toRadians(SUBSOLAR[month - 1][0]);
		double end = Math.toRadians(SUBSOLAR[month - 1][1]);
		double subsolar = Math.abs(latitude - start) > Math.abs(latitude - end) ? start : end;
		double noonLongitude = Math.toRadians(180 - 15 * universalTime);
		return Math.acos(Math.sin(latitude) * Math.sin(subsolar)
				+ Math.cos(latitude) * Math.cos(subsolar) * Math.cos(longitude - noonLongitude));
	}

	/** Radians, from the geomagnetic north pole at 79.5N 69.0W. */
	static double geomagneticLatitude(double latitude, double longitude) {
		double cos = Math.sin(POLE_LATITUDE) * Math.sin(latitude)
				+ Math.cos(POLE_LATITUDE) * Math.cos(latitude) * Math.cos(longitude - POLE_LONGITUDE);
		return Math.PI / 2 - Math.acos(Math.max(-1, Math.min(1, cos)));
	}

	/** The point halfway along the great circle between two points, radians. */
	static double[] midpoint(double latitude1, double longitude1, double latitude2, double longitude2) {
		double x = Math.cos(latitude1) * Math.cos(longitude1) + Math.cos(latitude2) * Math.cos(longitude2);
		double y = Math.cos(latitude1) * Math.sin(longitude1) + Math.cos(latitude2) * Math.sin(longitude2);
		double z = Math.sin(latitude1) + Math.sin(latitude2);
		return new double[] { Math.atan2(z, Math.hypot(x, y)), Math.atan2(y, x) };
	}

}

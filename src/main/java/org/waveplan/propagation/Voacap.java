package org.waveplan.propagation;

/**
 * VOACAP's constants as its BLOCK DATA sets them (blkdat.for), kept to their printed digits so that angles and
 * distances near a threshold (a 2000 km path, the long-path wrap at pi) fall on the same side as in VOACAP.
 */
final class Voacap {

	/** The earth's radius, km (RZ). */
	static final double EARTH_RADIUS_KM = 6370.;

	static final double PI = 3.1415926;

	static final double PI2 = 6.283185307;

	static final double PIO2 = 1.570796326;

	static final double D2R = .01745329251;

	static final double R2D = 57.295779513;

	/** The normal distribution's decile in standard deviations (DCL). */
	static final double DECILE = 1.28;

	/** ACOS of a cosine held to [-1, 1] first, as VOACAP holds every one it computes. */
	static double acos(double cos) {
		return Math.acos(Math.max(-1., Math.min(1., cos)));
	}

	/** Fortran's SIGN: the magnitude of {@code a} with the sign of {@code b} (plus for zero). */
	static double sign(double a, double b) {
		return b >= 0 ? Math.abs(a) : -Math.abs(a);
	}

	/** A longitude east of Greenwich, 0 to 2 pi, of one given -pi to pi (radians), as the maps take it. */
	static double eastLongitude(double longitude) {
		return longitude < 0 ? 360. * D2R + longitude : longitude;
	}

	/**
	 * VOACAP's XLIN: y at x in a table of (xs, ys), linear between the first neighbours that bracket x in either
	 * direction; before the first entry its y, past every pair the last y.
	 */
	static double interpolate(double x, double[] xs, double[] ys) {
		if (xs[0] > x) {
			return ys[0];
		}
		for (int j = 0; j < xs.length - 1; j++) {
			double a = xs[j];
			double b = xs[j + 1];
			if (a == b) {
				if (x == a) {
					return ys[j];
				}
			}
			else if (a < b ? (a > x || x < b) : (a >= x && x > b)) {
				return ys[j] + (x - a) * (ys[j + 1] - ys[j]) / (b - a);
			}
		}
		return ys[ys.length - 1];
	}

	private Voacap() {
	}

}

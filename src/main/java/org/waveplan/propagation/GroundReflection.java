package org.waveplan.propagation;

/**
 * The loss of a ground reflection between hops (VOACAP's GAIN with a negative antenna index): Fresnel's reflection
 * coefficients of the ground at the control point, averaged over both polarisations, for land (conductivity 0.001
 * S/m, relative permittivity 4) or sea (5 S/m, 80) as VOACAP's land map has the point (GEOM).
 */
final class GroundReflection {

	private static final double GRAZING_LOSS = 6.;

	private GroundReflection() {
	}

	/**
	 * The mean loss over a path's control points (REGMOD's and SETTXR's average): each kind of ground reckoned once.
	 *
	 * @param land whether each control point is on land
	 * @param elevation radians
	 */
	static double mean(boolean[] land, double elevation, double frequency) {
		int onLand = 0;
		for (boolean point : land) {
			onLand += point ? 1 : 0;
		}
		int atSea = land.length - onLand;
		double sum = (onLand > 0 ? onLand * loss(true, elevation, frequency) : 0.)
				+ (atSea > 0 ? atSea * loss(false, elevation, frequency) : 0.);
		return sum / land.length;
	}

	/**
	 * @param elevation the ray's elevation angle, radians
	 * @param frequency MHz
	 * @return the loss, dB (positive)
	 */
	static double loss(boolean land, double elevation, double frequency) {
		double sigma = land ? 0.001 : 5.;
		double er = land ? 4. : 80.;
		double x = 18000. * sigma / frequency;
		double t = Math.cos(elevation);
		double q = Math.sin(elevation);
		double r = q * q;
		double s = r * r;
		double ert = er - t * t;
		double rho = Math.sqrt(ert * ert + x * x);
		double rho12 = Math.sqrt(rho);
		double alpha = -Math.atan(x / ert);
		double u = er * er + x * x;
		double v = Math.sqrt(u);
		double asxv = Math.asin(x / v);
		double cv = Math.sqrt(rho * rho + u * u * s - 2. * rho * u * r * Math.cos(alpha + 2. * asxv))
				/ (rho + u * r + 2. * rho12 * v * q * Math.cos(alpha * .5 + asxv));
		double ch = Math.sqrt(rho * rho + s - 2. * rho * r * Math.cos(alpha))
				/ (rho + r + 2. * rho12 * q * Math.cos(alpha * .5));
		double loss = Math.abs(4.3429 * Math.log(.5 * (ch * ch + cv * cv)));
		return elevation <= 0.00000001 ? GRAZING_LOSS : loss;
	}

}

package org.waveplan.propagation;

import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;

/**
 * The D-region's non-deviative absorption of a ray's pass and the collision term of its deviative loss, as VOACAP
 * reckons them alike for a short-path mode (REGMOD), a long path's ends (SETTXR) and its hops between (TABS, BABS):
 * 677.2 times an absorption index over (f + fH)^1.98 plus a collision term, along the ray's secant at 100 km; a ray
 * reflected in the D-E region below 88 km meets the collision frequency of its true height, along its secant there.
 */
final class Absorption {

	/** The collision term of rays reflected at or above 88 km (XNSQ). */
	static final double F_COLLISIONS = 10.2;

	/** The classical absorption height, km. */
	static final double ABSORPTION_KM = 100.;

	private static final double ABSORPTION = 677.2;

	private static final double GYRO_EXPONENT = 1.98;

	private static final double LEAST_INDEX = 0.1;

	private Absorption() {
	}

	/** SIGDIS's absorption index of a sample area (ABIY): -0.04 + exp(-2.937 + 0.8445 foE), at least 0.1. */
	static double index(double foE) {
		return Math.max(LEAST_INDEX, -0.04 + Math.exp(-2.937 + 0.8445 * foE));
	}

	/** (f + fH)^1.98, MHz. */
	static double gyroTerm(double frequency, double gyrofrequency) {
		return Math.pow(frequency + gyrofrequency, GYRO_EXPONENT);
	}

	/** The collision term of a D-E ray reflected at a true height (XNSQ; SIGDIS's collision frequency below 88 km). */
	static double collisions(double trueHeight) {
		if (SignalDistribution.LOSS_HEIGHT_KM <= trueHeight) {
			return F_COLLISIONS;
		}
		double height = 61. + 3. * (trueHeight - 70.) / 18.;
		return SignalDistribution.COLLISION_AT_60KM
				* Math.exp(-2. * (height - 60.) / SignalDistribution.COLLISION_SCALE_KM);
	}

	/**
	 * The absorption of one pass, dB.
	 *
	 * @param cosTakeOff the cosine of the ray's take-off angle
	 * @param height where the ray crosses the absorbing region: 100 km, or a lower D-E ray's true height
	 * @param gyroTerm {@link #gyroTerm(double, double)} at the frequency
	 * @param collisions {@link #F_COLLISIONS} or a D-E ray's {@link #collisions(double)}
	 */
	static double ofPass(double cosTakeOff, double height, double absorptionIndex, double gyroTerm,
			double collisions) {
		return secant(cosTakeOff, height) * (ABSORPTION * absorptionIndex) / (gyroTerm + collisions);
	}

	/** The secant of a ray's angle of incidence at a height, from the cosine of its take-off angle. */
	static double secant(double cosTakeOff, double height) {
		double sin = EARTH_RADIUS_KM * cosTakeOff / (EARTH_RADIUS_KM + height);
		return 1. / Math.sqrt(1. - sin * sin);
	}

}

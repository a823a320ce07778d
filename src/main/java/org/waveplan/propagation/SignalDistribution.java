package org.waveplan.propagation;

import static org.waveplan.propagation.Voacap.R2D;

/**
 * A path's absorption parameters and the signal's distribution about its median at one hour (VOACAP's SIGDIS, the
 * original): averages over the sample areas of the absorption index and the excess system loss, the D-E region's
 * loss constants, and the signal's deciles from the excess system loss less the F2 over-the-MUF loss already in it.
 * Sporadic E is off (VOACAP's FPROB with 0 for it), so no sporadic E obscuration enters.
 *
 * @param absorptionIndex the sample areas' mean absorption index (ACAV)
 * @param eBendingA the E layer bending term's constant (AFE)
 * @param eBendingB its factor of the logarithm (BFE)
 * @param eRatio the controlling area's vertical frequency at 90 km over its foE (XVE)
 * @param systemLoss the excess system loss added to each mode's median (ASM), dB
 * @param lowerDecile the signal's lower decile below its median (DSL), dB
 * @param upperDecile its upper decile above (DSU), dB
 */
record SignalDistribution(double absorptionIndex, double eBendingA, double eBendingB, double eRatio,
		double systemLoss, double lowerDecile, double upperDecile) {

	/** The collision frequency's scale height (HNU), km, its value at 60 km (XNUZ), and where D-E loss starts. */
	static final double COLLISION_SCALE_KM = 4.39;

	static final double COLLISION_AT_60KM = 63.07;

	static final double LOSS_HEIGHT_KM = 88.;

	private static final double LONG_PATH_KM = 2500.;

	/**
	 * @param path the circuit
	 * @param points the ionosphere at its control points at the hour
	 * @param areas the sample areas
	 * @param controlling the controlling area's ionogram (GENION's)
	 * @param controllingFoE the controlling area's foE
	 */
	static SignalDistribution of(PathGeometry path, Ionosphere[] points, SampleArea[] areas, IonosphericMaps maps,
			Ionogram controlling, double controllingFoE, CircuitMuf muf) {
		int n = areas.length;
		double adjustment = 0;
		double upper = 0;
		double lower = 0;
		double foE = 0;
		double absorption = 0;
		double geomagnetic = 0;
		boolean overLongPath = path.distanceKm() > LONG_PATH_KM;
		for (int k = 0; k < n; k++) {
			// VOACAP's original reads the control point numbered as the area, not the area's own (as F2DIS does)
			ControlPoint point = path.controlPoints().get(k);
			double areaFoE = areas[k].e().criticalFrequency();
			IonosphericMaps.SystemLoss loss = maps.systemLoss(point.geomagneticLatitude(), points[k].localTime(),
					overLongPath);
			adjustment += loss.median();
			upper += loss.upperDeviation();
			lower += loss.lowerDeviation();
			foE += areaFoE;
			absorption += Absorption.index(areaFoE);
			geomagnetic += Math.abs(point.geomagneticLatitude());
		}
		adjustment /= n;
		upper /= n;
		lower /= n;
		foE /= n;
		double eRatio = Voacap.interpolate(90., controlling.trueHeights(), controlling.frequencies()) / controllingFoE;
		double bending = foE > 2. ? 1. : foE <= 0.5 ? 0. : (foE - 0.5) / 1.5;

		double latitude = geomagnetic / n * R2D;
		double table = latitude <= 40. ? muf.f2().fot()
				: latitude <= 50. ? muf.f2().fot() - (latitude - 40.) * (muf.f2().fot() - 10.) / 10. : 10.;
		LayerMuf f2 = muf.f2();
		double f2Loss = overMufLoss(table, f2.muf(), f2);
		// the tables hold the F2 over-the-MUF loss at the table's frequency: taken out here, each mode adds its own
		double lowerDecile = Voacap.DECILE * upper - (overMufLoss(table, f2.fot(), f2) - f2Loss);
		double upperDecile = Voacap.DECILE * lower - (f2Loss - overMufLoss(table, f2.hpf(), f2));
		return new SignalDistribution(absorption / n, 1.359 * bending, 8.617 * bending, eRatio,
				Math.max(adjustment - f2Loss, 0.), Math.max(1., lowerDecile), Math.max(upperDecile, 0.5));
	}

	/** The F2 over-the-MUF loss at a frequency with the distribution placed at a median (at most 10 dB). */
	private static double overMufLoss(double frequency, double median, LayerMuf f2) {
		return -10. * Math.log10(Math.max(0.1, MufProbability.of(frequency, median, median, f2)));
	}

}

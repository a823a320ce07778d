package org.waveplan.propagation;

import java.util.List;

import static org.waveplan.propagation.Voacap.R2D;

/**
 * A month's ionospheric maps at one sunspot number (REDMAP's interpolation), evaluated hour by hour and point by
 * point as VOACAP does for its control points. The sunspot number interpolates linearly between the two sets each
 * map has, and extrapolates beyond them without a limit, as VOACAP does: foF2 and M(3000)F2 between 0 and 100, foE
 * and sporadic E between 10 and 150, the F2 height ratio between 25 and 125.
 */
final class IonosphericMaps {

	/** E's ratio of height of maximum to semi-thickness. */
	private static final double E_RATIO = 5.5;

	/** F1's. */
	private static final double F1_RATIO = 4.0;

	/** F1 fades into F2 over this many degrees of zenith angle before it disappears. */
	private static final double F1_TWILIGHT = 2;

	private static final double MIN_FC_RATIO = 1.1;

	private final double ssn;

	private final NumericalMap esUpper;

	private final NumericalMap esMedian;

	private final NumericalMap esLower;

	private final NumericalMap fof2;

	private final NumericalMap m3000;

	private final NumericalMap foe;

	private final FourierMap f2Ratio;

	private final FourierMap land;

	/** ANEW(3), BNEW(3), ACHI(2), BCHI(2): foF1 and its greatest zenith angle, linear in the sunspot number. */
	private final double[] f1;

	/**
	 * F2D(16,6,6): the F2 MUF's deciles as ratios to it, per 10 degrees of latitude (lower decile in rows 9-16),
	 * sunspot range and hemisphere (columns) and 4 hours of local time.
	 */
	private final double[] f2MufDeciles;

	/** SYS(9,16,6): deciles of the excess system loss per 5 degrees of geomagnetic latitude and 3 hours. */
	private final double[] systemLoss;

	/** PERR(9,4,6): the prediction errors of the excess system loss per 5 degrees and 6 hours. */
	private final double[] systemLossErrors;

	IonosphericMaps(MonthCoefficients month, double ssn) {
		this.ssn = ssn;
		CoefficientFile file = month.file();
		int[] layouts = file.integers("IKIM");
		// ESL holds the upper decile, ESU the lower (ESIND)
		this.esUpper = NumericalMap.atSunspots(layout(layouts, 0), file.block("XESLCF"), 10, 150, ssn);
		this.esMedian = NumericalMap.atSunspots(layout(layouts, 1), file.block("XESMCF"), 10, 150, ssn);
		this.esLower = NumericalMap.atSunspots(layout(layouts, 2), file.block("XESUCF"), 10, 150, ssn);
		this.fof2 = NumericalMap.atSunspots(layout(layouts, 3), month.fof2(), 0, 100, ssn);
		this.m3000 = NumericalMap.atSunspots(layout(layouts, 4), file.block("XFM3CF"), 0, 100, ssn);
		this.foe = NumericalMap.atSunspots(layout(layouts, 5), file.block("XERCOF"), 10, 150, ssn);
		double[] normalizing = file.block("ABMAP");
		this.f2Ratio = new FourierMap(NumericalMap.atSunspots(file.block("XPMAP"), 25, 125, ssn), normalizing[2],
				normalizing[3], 15, 10);
		this.land = FourierMap.of(file.block("FAKMAP"), 0, normalizing[0], normalizing[1], 29, 15);
		this.f1 = file.block("ANEW");
		this.f2MufDeciles = file.block("F2D");
		this.systemLoss = file.block("SYS");
		this.systemLossErrors = file.block("PERR");
	}

	private static int[] layout(int[] layouts, int map) {
		int[] layout = new int[10];
		System.arraycopy(layouts, map * 10, layout, 0, 10);
		return layout;
	}

	double ssn() {
		return ssn;
	}

	/**
	 * The maps at a universal time, hours. VOACAP calls 0 UTC hour 24: the maps do not mind, and local times then
	 * fall in (0, 24] as VOACAP's do.
	 */
	Hour hour(double universalTime) {
		return new Hour(universalTime, esUpper.atUniversalTime(universalTime),
				esMedian.atUniversalTime(universalTime), esLower.atUniversalTime(universalTime),
				fof2.atUniversalTime(universalTime), m3000.atUniversalTime(universalTime),
				foe.atUniversalTime(universalTime));
	}

	/** Whether each control point is on land: the ground its reflections meet (GEOM's, once per circuit). */
	boolean[] land(List<ControlPoint> points) {
		boolean[] land = new boolean[points.size()];
		for (int i = 0; i < land.length; i++) {
			land[i] = land(points.get(i).latitude(), points.get(i).longitude());
		}
		return land;
	}

	/** Whether a point is on land (VOACAP's land map; its ground constants are land's or sea's). */
	boolean land(double latitude, double longitude) {
		double east = Math.toDegrees(longitude);
		return land.value(Math.toDegrees(latitude), east < 0 ? east + 360 : east) >= 0;
	}

	/** A place's magnetic field and every map's geographic functions there, for all hours. */
	Place place(double latitude, double longitude) {
		MagneticDip magnetic = MagneticField.at(latitude, longitude);
		double modip = magnetic.modip();
		return new Place(latitude, longitude, magnetic, esUpper.functionsAt(modip, latitude, longitude),
				esMedian.functionsAt(modip, latitude, longitude), esLower.functionsAt(modip, latitude, longitude),
				fof2.functionsAt(modip, latitude, longitude), m3000.functionsAt(modip, latitude, longitude),
				foe.functionsAt(latitude, latitude, longitude));
	}

	/**
	 * A point's geographic functions of each map.
	 *
	 * @param latitude geographic, radians
	 * @param longitude geographic, radians, east positive
	 */
	record Place(double latitude, double longitude, MagneticDip magnetic, double[] esUpper, double[] esMedian,
			double[] esLower, double[] fof2, double[] m3000, double[] foe) {
	}

	/** The coefficients of every map's geographic functions at one universal time. */
	record Hour(double universalTime, double[] esUpper, double[] esMedian, double[] esLower, double[] fof2,
			double[] m3000, double[] foe) {
	}

	/**
	 * The ionosphere over a place at an hour.
	 *
	 * @param zenithAngle the sun's zenith angle there, radians (VOACAP takes the sun at its month's subsolar latitude)
	 * @param geomagneticLatitude radians
	 */
	Ionosphere at(Hour hour, Place place, double zenithAngle, double geomagneticLatitude) {
		MagneticDip magnetic = place.magnetic();
		double modip = magnetic.modip();
		double localTime = localTime(hour.universalTime(), place.longitude());
		double zenith = Math.toDegrees(Math.abs(zenithAngle));

		double foE = NumericalMap.value(hour.foe(), place.foe());
		if (foE < 0.36) {
			// a bad value of the map: the midnight value
			foE = 0.36 * Math.sqrt(1 + 0.0098 * ssn);
		}
		Layer e = new Layer(foE, 110, 110 / E_RATIO);

		double cosZenith = Math.cos(Math.toRadians(zenith));
		double f1MaxZenith = f1[6] + f1[8] * ssn + (f1[7] + f1[9] * ssn) * Math.cos(modip);
		double foF1 = 0;
		double hmF1 = 0;
		double ymF1 = 0;
		if (zenith <= f1MaxZenith) {
			foF1 = f1[0] + f1[3] * ssn + (f1[1] + f1[4] * ssn) * cosZenith
					+ (f1[2] + f1[5] * ssn) * cosZenith * cosZenith;
			hmF1 = 165 + 0.6428 * zenith;
			ymF1 = hmF1 / F1_RATIO;
		}

		double ratio = Math.max(2, f2Ratio.value(Math.toDegrees(Math.abs(geomagneticLatitude)) - 45,
				(localTime < 12 ? -zenith : zenith) + 180));
		double absorptionIndex = -0.04 + Math.exp(-2.937 + 0.8445 * foE);

		double m3 = NumericalMap.value(hour.m3000(), place.m3000());
		double virtualHeight = 1490 / m3 - 176;
		double foF2 = NumericalMap.value(hour.fof2(), place.fof2()) + 0.5 * magnetic.gyrofrequency();
		foF1 = Math.min(foF1, foF2 - 0.2);

		// F2's height: the virtual height less the retardation below it (E, and F1 where there is one)
		double fc = 0.834 * foF2;
		double retardation = (retardation(fc / foE) - 2) * e.semiThickness();
		if (foF1 > 0) {
			double f1Retardation;
			double fcF1 = retardation(fc / foF1);
			if (f1MaxZenith - F1_TWILIGHT - zenith >= 0) {
				f1Retardation = 0.5 * ymF1 * (fcF1 - 2);
			}
			else {
				// near sunset F1 merges into F2: its retardation goes to 0, its bottom to F2's
				double zn = f1MaxZenith - F1_TWILIGHT;
				double hn = 165 + 0.6428 * zn;
				double yn = hn * (ymF1 / hmF1);
				double sz = (zenith - zn) / F1_TWILIGHT;
				f1Retardation = 0.5 * yn * (fcF1 - 2) * (1 - sz);
				double hm = virtualHeight - retardation;
				double ym = hm / ratio;
				double dhn = (hm - ym) - (hn - yn);
				if (dhn > 0) {
					double dh = dhn * (1 - sz);
					hmF1 = (hm - ym) - dh + ymF1;
					if (foF1 - fc > 0) {
						double y1Max = yn + (ym - yn) * (foF1 / foF2 - 0.834) / 0.166;
						ymF1 = yn + (y1Max - yn) * sz;
						hmF1 = (hm - ym) - dh + ymF1;
					}
				}
			}
			retardation += f1Retardation;
		}
		double hmF2 = virtualHeight - retardation;
		Layer f2 = new Layer(foF2, hmF2, hmF2 / ratio);
		Layer f1Layer = foF1 > 0 ? new Layer(foF1, hmF1, ymF1) : Layer.NONE;

		SporadicE sporadicE = new SporadicE(NumericalMap.value(hour.esLower(), place.esLower()),
				NumericalMap.value(hour.esMedian(), place.esMedian()),
				NumericalMap.value(hour.esUpper(), place.esUpper()));
		return new Ionosphere(e, f1Layer, f2, m3, virtualHeight, ratio, sporadicE, magnetic, zenith, f1MaxZenith,
				localTime, absorptionIndex);
	}

	/**
	 * The standard deviation of the F2 MUF below it (from its lower decile) or above it (upper decile), MHz, at a
	 * control point: VOACAP's F2DIS, which CURMUF bounds below by 0.01 MHz.
	 *
	 * @param latitude geographic, radians
	 * @param localTime hours
	 */
	double f2MufDeviation(double muf, double latitude, double localTime, boolean above) {
		double degrees = Math.toDegrees(latitude);
		int hours = (int) (localTime / 4 + 1.55);
		if (hours > 6) {
			hours = 1;
		}
		int band = Math.max(1, Math.min(8, (int) (9.5 - Math.abs(degrees) / 10)));
		int row = band + (above ? 0 : 8);
		int column = ssn <= 50 ? 1 : ssn <= 100 ? 2 : 3;
		if (degrees <= 0) {
			column += 3;
		}
		double ratio = f2MufDeciles[(row - 1) + 16 * ((column - 1) + 6 * (hours - 1))];
		double deviation = Math.max(0.001, Math.abs(muf - ratio * muf) / 1.28);
		return Math.max(0.01, deviation);
	}

	/**
	 * The excess system loss at a reflection area and its distribution (VOACAP's SYSSY): auroral and other losses
	 * the method does not model, from ITSA-1's tables.
	 *
	 * @param geomagneticLatitude radians
	 * @param localTime hours
	 * @param longPath whether the path is over 2500 km (the tables' other column)
	 */
	SystemLoss systemLoss(double geomagneticLatitude, double localTime, boolean longPath) {
		int column = longPath ? 5 : 2;
		int hour = (int) (localTime + .5);
		int band = (int) ((Math.abs(geomagneticLatitude) * R2D - 40.) / 5. + 1.5);
		band = Math.max(1, Math.min(9, band));
		boolean north = geomagneticLatitude >= 0;
		int threeHours = (int) (hour / 3. + .67);
		if (threeHours < 1) {
			threeHours = 8;
		}
		int row = threeHours + (north ? 0 : 8);
		int sixHours = (int) (hour / 6. + .67);
		if (sixHours < 1) {
			sixHours = 4;
		}
		int errors = north ? 0 : 3;
		double upper = systemLoss[(band - 1) + 9 * ((row - 1) + 16 * column)];
		double lower = systemLoss[(band - 1) + 9 * ((row - 1) + 16 * (column - 2))];
		return new SystemLoss(systemLoss[(band - 1) + 9 * ((row - 1) + 16 * (column - 1))], upper / Voacap.DECILE,
				lower / Voacap.DECILE, systemLossErrors[(band - 1) + 9 * ((sixHours - 1) + 4 * errors)]);
	}

	/**
	 * @param median the median excess system loss, dB
	 * @param upperDeviation its upper decile's distance from the median over 1.28, dB
	 * @param lowerDeviation likewise its lower decile's
	 * @param medianError the prediction error of the median, dB
	 */
	record SystemLoss(double median, double upperDeviation, double lowerDeviation, double medianError) {
	}

	/** x ln((x + 1) / (x - 1)) of a frequency ratio, at least 1.1: a parabolic layer's group retardation. */
	private static double retardation(double frequencyRatio) {
		double x = Math.max(frequencyRatio, MIN_FC_RATIO);
		return x * Math.log((x + 1) / (x - 1));
	}

	/** Local mean time in (0, 24] hours. */
	static double localTime(double universalTime, double longitude) {
		double clock = universalTime + Math.toDegrees(longitude) / 15;
		if (clock > 24) {
			return clock - 24;
		}
		return clock <= 0 ? clock + 24 : clock;
	}

}

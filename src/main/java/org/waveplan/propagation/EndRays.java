package org.waveplan.propagation;

import java.util.List;

import static org.waveplan.propagation.Voacap.D2R;
import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;

/**
 * The rays of one end of a long path at a frequency with their losses, and the one the path takes there, as VOACAP's
 * GMLOSS has SETTXR (the original) reckon them and SELTXR (the original) choose. Each ray of the end's {@link RaySet}
 * at or above the lowest elevation angle gets its one-hop absorption (D-E rays by a collision frequency falling with
 * their true height, F rays at 100 km; plus the circuit MUF layer's over-the-MUF loss, along the ray), deviative loss
 * (with E's bending correction for D-E rays), ground reflection loss (the mean over the control points) and the
 * antenna's gain. Where no ray reflects by at least 0.9 of a hop of min(path, 4000 km) above the lowest angle (or the
 * ray list breaks off below 70 km first), the first ray is replaced by the circuit MUF's own. The chosen ray has the
 * greatest gain less its losses over the hops it would take, unless within 3 dB, then the nearest whole number of hops
 * (within 0.1), then the nearest take-off angle to 3 degrees.
 *
 * @param rays VOACAP's table of 45 (the ray set, the first ray maybe replaced; past the set's rays, none)
 * @param count how many of them the ray set found (IAFTXR; the MUF's ray may stand in slot 0 beyond it)
 * @param chosen the index of the ray taken (LTXRGM - 1)
 * @param mufDay the probability that the circuit's MUF layer supports the frequency (SETTXR's PROB)
 */
record EndRays(List<EndRay> rays, int count, int chosen, double mufDay) {

	/**
	 * One ray with its losses at the end, dB; a ray SETTXR leaves out has VOACAP's presets: 1000 dB each, -10 dBi.
	 *
	 * @param takeOff degrees (DELFX)
	 * @param virtualHeight km (HPFLX; 0 where there is no ray)
	 * @param groundKm the hop's ground distance (GDFLX)
	 * @param layer 1 E, 2 F1, 3 F2 (IMODE)
	 * @param absorption the absorption with the over-the-MUF loss (ANDVX)
	 * @param deviative the deviative loss (ADVX)
	 * @param ground the ground reflection loss (GRLOSX)
	 * @param gain the antenna's gain, dBi (TGAINX)
	 */
	record EndRay(double takeOff, double virtualHeight, double groundKm, int layer, double absorption,
			double deviative, double ground, double gain) {

		/** The one-hop loss of the ray through the ionosphere. */
		double loss() {
			return absorption + deviative;
		}

	}

	private static final int SLOTS = 45;

	/** A ray reflected below this virtual height, km, does not exist. */
	static final double LOWEST_KM = 70.;

	/** The hops are counted over the path up to this long, km (DEND). */
	private static final double HOP_RANGE_KM = 4000.;

	/** A ray must make at least this much of a hop over it. */
	private static final double LEAST_HOPS = 0.9;

	/** SELTXR's a priori best take-off angle (DELOPT), degrees, gain margin (GMIN), dB, and hop margin (YMIN). */
	static final double BEST_TAKE_OFF = 3.;

	private static final double GAIN_MARGIN = 3.;

	private static final double HOP_MARGIN = .1;

	private static final double HALF_HOP = .5;

	private static final double ABSORPTION = 677.2;

	private static final double GYRO_EXPONENT = 1.98;

	/** The collision term of F rays and of D-E rays reflected at or above SIGDIS's 88 km (XNSQ), and F's height. */
	private static final double COLLISIONS = 10.2;

	private static final double ABSORBING_KM = 100.;

	private static final double LEAST_COSINE_SQUARE = 0.00000001;

	private static final double LEFT_OUT_DB = 1000.;

	private static final double LEFT_OUT_GAIN = -10.;

	/**
	 * SETTXR and SELTXR at one end.
	 *
	 * @param set the end's rays at the frequency (FINDF)
	 * @param pathKm the path's length
	 * @param land per control point, whether it is on land (its ground constants)
	 * @param gainDbi the end's antenna gain, constant
	 * @param minimumElevation the lowest elevation angle, degrees (AMIND)
	 */
	static EndRays of(RaySet set, PathEnd end, double frequency, CircuitMuf muf, double pathKm,
			SignalDistribution signal, boolean[] land, double gainDbi, double minimumElevation) {
		double[] del = new double[SLOTS];
		double[] hp = new double[SLOTS];
		double[] ht = new double[SLOTS];
		double[] gd = new double[SLOTS];
		double[] fv = new double[SLOTS];
		double[] af = new double[SLOTS];
		int[] layer = new int[SLOTS];
		List<RaySet.Ray> found = set.rays();
		for (int i = 0; i < found.size(); i++) {
			RaySet.Ray ray = found.get(i);
			del[i] = ray.takeOff();
			hp[i] = ray.virtualHeight();
			ht[i] = ray.trueHeight();
			gd[i] = ray.groundKm();
			fv[i] = ray.verticalFrequency();
			af[i] = ray.deviativeLoss();
			layer[i] = ray.layer();
		}
		double hopRange = Math.min(HOP_RANGE_KM, pathKm);
		if (!oneGood(del, hp, gd, hopRange, minimumElevation)) {
			// the circuit MUF's own ray (its deviative loss factor is 0, CURMUF's AFMUF)
			int mufLayer = LongPath.mufLayer(muf);
			LayerMuf over = LongPath.layer(muf, mufLayer);
			del[0] = over.elevation();
			hp[0] = over.virtualHeight();
			ht[0] = over.trueHeight();
			fv[0] = over.verticalFrequency();
			af[0] = 0;
			gd[0] = pathKm / over.hops();
			layer[0] = mufLayer;
		}

		LayerMuf circuit = LongPath.layer(muf, LongPath.mufLayer(muf));
		double mufDay = MufProbability.of(frequency, circuit.muf(), circuit.muf(), circuit);
		double overTheMuf = -10. * Math.log10(mufDay);
		double foE = end.area().e().criticalFrequency();
		double bc = Math.pow(frequency + end.gyrofrequency(), GYRO_EXPONENT);
		double ac = ABSORPTION * end.absorptionIndex();
		double[] absorption = new double[SLOTS];
		double[] deviative = new double[SLOTS];
		double[] ground = new double[SLOTS];
		double[] gain = new double[SLOTS];
		EndRay[] rays = new EndRay[SLOTS];
		for (int i = 0; i < SLOTS; i++) {
			absorption[i] = LEFT_OUT_DB;
			deviative[i] = LEFT_OUT_DB;
			gain[i] = LEFT_OUT_GAIN;
			if (hp[i] >= LOWEST_KM && del[i] >= minimumElevation) {
				double cdel = Math.cos(del[i] * D2R);
				double deviation = af[i] * (Math.pow(fv[i] + end.gyrofrequency(), GYRO_EXPONENT));
				if (foE >= fv[i]) {
					// a D-E ray
					double collisions = COLLISIONS;
					if (SignalDistribution.LOSS_HEIGHT_KM > ht[i]) {
						double height = 61. + 3. * (ht[i] - 70.) / 18.;
						collisions = SignalDistribution.COLLISION_AT_60KM
								* Math.exp(-2. * (height - 60.) / SignalDistribution.COLLISION_SCALE_KM);
					}
					absorption[i] = secant(cdel, Math.min(ABSORBING_KM, ht[i])) * ac / (bc + collisions);
					double bending = signal.eBendingA()
							+ signal.eBendingB() * Math.log(Math.max(fv[i] / foE, signal.eRatio()));
					deviative[i] = secant(cdel, hp[i]) * (deviation + af[i] * collisions) / (bc + collisions)
							+ bending;
				}
				else {
					absorption[i] = secant(cdel, ABSORBING_KM) * ac / (bc + COLLISIONS);
					deviative[i] = secant(cdel, hp[i]) * (deviation + af[i] * COLLISIONS) / (bc + COLLISIONS);
				}
				double sum = 0;
				for (boolean onLand : land) {
					sum += GroundReflection.loss(onLand, del[i] * D2R, frequency);
				}
				ground[i] = sum / land.length;
				gain[i] = gainDbi;
				double sin = EARTH_RADIUS_KM * cdel / (EARTH_RADIUS_KM + ht[i]);
				absorption[i] += overTheMuf / Math.sqrt(Math.max(LEAST_COSINE_SQUARE, 1. - sin * sin));
			}
			rays[i] = new EndRay(del[i], hp[i], gd[i], layer[i], absorption[i], deviative[i], ground[i], gain[i]);
		}
		int chosen = choose(del, hp, gd, absorption, deviative, gain, found.size(), hopRange, minimumElevation);
		return new EndRays(List.of(rays), found.size(), chosen, mufDay);
	}

	EndRay ray() {
		return rays.get(chosen);
	}

	/** SETTXR's test: a ray reflected above 70 km by 0.9 hop or more at or above the lowest angle, before any below. */
	private static boolean oneGood(double[] del, double[] hp, double[] gd, double hopRange, double minimumElevation) {
		for (int i = 0; i < SLOTS && hp[i] >= LOWEST_KM; i++) {
			if (hopRange / gd[i] >= LEAST_HOPS && del[i] >= minimumElevation) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SELTXR: from the first ray of 0.9 hop or more (VOACAP starts from the first ray when it makes that much, even
	 * below the lowest angle, and keeps the first ray's hops when it goes on to a later one), the ray of the greatest
	 * gain less its losses over its hops, then the nearest whole number of hops, then the take-off angle nearest 3
	 * degrees.
	 */
	private static int choose(double[] del, double[] hp, double[] gd, double[] absorption, double[] deviative,
			double[] gain, int count, double hopRange, double minimumElevation) {
		int chosen = 0;
		double hops = hopRange / gd[0];
		int whole = (int) hops;
		if (hops < LEAST_HOPS) {
			do {
				chosen++;
				if (chosen >= SLOTS || hp[chosen] <= LOWEST_KM || chosen >= count) {
					return chosen - 1;
				}
			}
			while (del[chosen] < minimumElevation);
		}
		double part = partHop(hops - whole);
		double best = gain[chosen] - hops * (absorption[chosen] + deviative[chosen]);
		double offBest = Math.abs(del[chosen] - BEST_TAKE_OFF);
		for (int i = chosen; i < count; i++) {
			if (hp[i] <= LOWEST_KM) {
				continue;
			}
			double rayHops = hopRange / gd[i];
			if (rayHops < LEAST_HOPS) {
				continue;
			}
			double rayPart = partHop(rayHops - (int) rayHops);
			double now = gain[i] - rayHops * (absorption[i] + deviative[i]);
			double off = Math.abs(del[i] - BEST_TAKE_OFF);
			boolean better;
			if (Math.abs(now - best) > GAIN_MARGIN) {
				better = now > best;
			}
			else if (Math.abs(rayPart - part) > HOP_MARGIN) {
				better = rayPart < part;
			}
			else {
				better = off < offBest;
			}
			if (better) {
				chosen = i;
				best = now;
				offBest = off;
				part = rayPart;
			}
		}
		return chosen;
	}

	/** How far a number of hops is from a whole one: its fraction, or 1 less it above a half. */
	private static double partHop(double fraction) {
		return fraction > HALF_HOP ? 1. - fraction : fraction;
	}

	/** The secant of a ray's angle of incidence at a height, from the cosine of its take-off angle. */
	private static double secant(double cosTakeOff, double heightKm) {
		double sin = EARTH_RADIUS_KM * cosTakeOff / (EARTH_RADIUS_KM + heightKm);
		return 1. / Math.sqrt(1. - sin * sin);
	}

}

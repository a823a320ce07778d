package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.Arrays;
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

	private static final double LEAST_COSINE_SQUARE = 0.00000001;

	private static final double LEFT_OUT_DB = 1000.;

	private static final double LEFT_OUT_GAIN = -10.;

	/** An empty slot of VOACAP's table (FINDF clears its heights, angles and distances). */
	private static final RaySet.Ray NO_RAY = new RaySet.Ray(0, 0, 0, 0, 0, 0, 0);

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
		RaySet.Ray[] table = new RaySet.Ray[SLOTS];
		Arrays.fill(table, NO_RAY);
		List<RaySet.Ray> found = set.rays();
		for (int i = 0; i < found.size(); i++) {
			table[i] = found.get(i);
		}
		double hopRange = Math.min(HOP_RANGE_KM, pathKm);
		int mufLayer = muf.mufLayer();
		LayerMuf circuit = muf.layer(mufLayer);
		if (!oneGood(table, hopRange, minimumElevation)) {
			// the circuit MUF's own ray (its deviative loss factor is 0, CURMUF's AFMUF)
			table[0] = new RaySet.Ray(circuit.elevation(), circuit.virtualHeight(), circuit.trueHeight(),
					pathKm / circuit.hops(), circuit.verticalFrequency(), mufLayer, 0);
		}
		double mufDay = MufProbability.of(frequency, circuit.muf(), circuit.muf(), circuit);
		Losses losses = new Losses(end, frequency, signal, land, gainDbi, -10. * Math.log10(mufDay));
		List<EndRay> rays = new ArrayList<>(SLOTS);
		for (RaySet.Ray ray : table) {
			rays.add(ray.virtualHeight() >= LOWEST_KM && ray.takeOff() >= minimumElevation ? losses.of(ray)
					: new EndRay(ray.takeOff(), ray.virtualHeight(), ray.groundKm(), ray.layer(), LEFT_OUT_DB,
							LEFT_OUT_DB, 0, LEFT_OUT_GAIN));
		}
		int chosen = choose(rays, found.size(), hopRange, minimumElevation);
		return new EndRays(List.copyOf(rays), found.size(), chosen, mufDay);
	}

	EndRay ray() {
		return rays.get(chosen);
	}

	/** SETTXR's test: a ray reflected above 70 km by 0.9 hop or more at or above the lowest angle, before any below. */
	private static boolean oneGood(RaySet.Ray[] table, double hopRange, double minimumElevation) {
		for (int i = 0; i < SLOTS && table[i].virtualHeight() >= LOWEST_KM; i++) {
			if (hopRange / table[i].groundKm() >= LEAST_HOPS && table[i].takeOff() >= minimumElevation) {
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
	private static int choose(List<EndRay> rays, int count, double hopRange, double minimumElevation) {
		int chosen = 0;
		double hops = hopRange / rays.get(0).groundKm();
		int whole = (int) hops;
		if (hops < LEAST_HOPS) {
			do {
				chosen++;
				if (chosen >= SLOTS || rays.get(chosen).virtualHeight() <= LOWEST_KM || chosen >= count) {
					return chosen - 1;
				}
			}
			while (rays.get(chosen).takeOff() < minimumElevation);
		}
		double part = partHop(hops - whole);
		double best = rays.get(chosen).gain() - hops * rays.get(chosen).loss();
		double offBest = Math.abs(rays.get(chosen).takeOff() - BEST_TAKE_OFF);
		for (int i = chosen; i < count; i++) {
			EndRay ray = rays.get(i);
			if (ray.virtualHeight() <= LOWEST_KM) {
				continue;
			}
			double rayHops = hopRange / ray.groundKm();
			if (rayHops < LEAST_HOPS) {
				continue;
			}
			double rayPart = partHop(rayHops - (int) rayHops);
			double now = ray.gain() - rayHops * ray.loss();
			double off = Math.abs(ray.takeOff() - BEST_TAKE_OFF);
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

	/** SETTXR's losses of a ray at one end and frequency. */
	private record Losses(PathEnd end, double frequency, SignalDistribution signal, boolean[] land, double gainDbi,
			double overTheMuf) {

		EndRay of(RaySet.Ray ray) {
			double cdel = Math.cos(ray.takeOff() * D2R);
			double bc = Absorption.gyroTerm(frequency, end.gyrofrequency());
			double fv = ray.verticalFrequency();
			double deviation = ray.deviativeLoss() * Absorption.gyroTerm(fv, end.gyrofrequency());
			double foE = end.area().e().criticalFrequency();
			double absorption;
			double deviative;
			if (foE >= fv) {
				// a D-E ray
				double collisions = Absorption.collisions(ray.trueHeight());
				absorption = Absorption.ofPass(cdel, Math.min(Absorption.ABSORPTION_KM, ray.trueHeight()),
						end.absorptionIndex(), bc, collisions);
				double bending = signal.eBendingA()
						+ signal.eBendingB() * Math.log(Math.max(fv / foE, signal.eRatio()));
				deviative = Absorption.secant(cdel, ray.virtualHeight())
						* (deviation + ray.deviativeLoss() * collisions) / (bc + collisions) + bending;
			}
			else {
				absorption = Absorption.ofPass(cdel, Absorption.ABSORPTION_KM, end.absorptionIndex(), bc,
						Absorption.F_COLLISIONS);
				deviative = Absorption.secant(cdel, ray.virtualHeight())
						* (deviation + ray.deviativeLoss() * Absorption.F_COLLISIONS) / (bc + Absorption.F_COLLISIONS);
			}
			double sin = EARTH_RADIUS_KM * cdel / (EARTH_RADIUS_KM + ray.trueHeight());
			absorption += overTheMuf / Math.sqrt(Math.max(LEAST_COSINE_SQUARE, 1. - sin * sin));
			return new EndRay(ray.takeOff(), ray.virtualHeight(), ray.groundKm(), ray.layer(), absorption, deviative,
					GroundReflection.mean(land, ray.takeOff() * D2R, frequency), gainDbi);
		}

	}

}

package org.waveplan.propagation;

import java.util.List;

import static org.waveplan.propagation.Voacap.D2R;
import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;
import static org.waveplan.propagation.Voacap.PIO2;

/**
 * VOACAP's long-path model of method 30 (LUFFY with IPFG 200; alone beyond 10,000 km, blended with the short path
 * between 7,000 and 10,000 km) on a circuit's great circle at one hour. A single mode: the signal leaves by the ray
 * chosen at the transmitter's end and arrives by the one chosen at the receiver's ({@link EndRays}), and in between
 * is carried as by a ray at their mean take-off angle and virtual height (LNGPAT): free-space loss over that ray's
 * group path less the focusing of the path's convergence (CONVH), half a hop's loss at each end, the absorption of the
 * distance between the ends by F2 hops (BABS, with the path's mean absorption index) except where E is high enough in
 * the middle to carry the signal over the top (GETTOP, TABS), the ground losses of the hops between and the excess
 * system loss.
 */
final class LongPath {

	/** GETTOP's chordal hop over a high middle needs at least this much, km, and this much besides it. */
	private static final double LEAST_TOP_KM = 1000.;

	private static final double MHZ = .001;

	private static final double MOST_SINE_SQUARE = 0.9999;

	/** TABS's absorption index over the top. */
	private static final double TOP_ABSORPTION_INDEX = 0.1;

	private static final double NO_RAY_DB_PER_KM = 1000.;

	private static final double MOST_FOCUSING_DB = 15.;

	private static final double LEAST_SINE = .000001;

	private static final double LEAST_ARC = .001;

	/** The deciles of the signal are at most this, dB. */
	private static final double MOST_DECILE_DB = 25.;

	private final PathGeometry path;

	private final CircuitMuf muf;

	private final SignalDistribution signal;

	private final PathEnd transmitterEnd;

	private final PathEnd receiverEnd;

	private final boolean[] land;

	/** The E layers of the areas at the transmitter's end, the middle and the receiver's end (GETTOP's three). */
	private final Layer[] eLayers;

	/** TABS and BABS read the gyrofrequency of the third control point (the middle one of five). */
	private final double gyrofrequency;

	private final double minimumElevation;

	private LongPath(PathGeometry path, CircuitMuf muf, SignalDistribution signal, PathEnd transmitterEnd,
			PathEnd receiverEnd, boolean[] land, Layer[] eLayers, double gyrofrequency, double minimumElevation) {
		this.path = path;
		this.muf = muf;
		this.signal = signal;
		this.transmitterEnd = transmitterEnd;
		this.receiverEnd = receiverEnd;
		this.land = land;
		this.eLayers = eLayers;
		this.gyrofrequency = gyrofrequency;
		this.minimumElevation = minimumElevation;
	}

	/**
	 * The model at an hour: each end's area prepared once (LECDEN, GENION, FOBBY, ALOSFV), before the frequencies.
	 *
	 * @param path the circuit (the short way in the blend, the long way round beyond 10,000 km as VOACAP is asked)
	 * @param points the ionosphere at its control points at the hour
	 * @param areas the sample areas of the hour (IONSET)
	 * @param muf the hour's MUF (method 26)
	 * @param land whether each control point is on land ({@link IonosphericMaps#land(List)})
	 * @param signal the hour's absorption parameters and signal distribution (SIGDIS)
	 * @param minimumElevation the lowest elevation angle, degrees (AMIND, 3 by default)
	 */
	static LongPath of(PathGeometry path, Ionosphere[] points, SampleArea[] areas, CircuitMuf muf,
			boolean[] land, SignalDistribution signal, double minimumElevation) {
		double pathKm = path.distanceKm();
		int last = areas.length - 1;
		Layer[] eLayers = { areas[0].e(), areas[Math.min(1, last)].e(), areas[last].e() };
		return new LongPath(path, muf, signal, PathEnd.of(0, areas, points, muf, pathKm, minimumElevation),
				PathEnd.of(last, areas, points, muf, pathKm, minimumElevation), land, eLayers,
				points[Math.min(2, points.length - 1)].magnetic().gyrofrequency(), minimumElevation);
	}

	/**
	 * The long-path mode at a frequency.
	 *
	 * @param powerDbw the transmitter's power (PWRDB)
	 * @param transmitGainDbi the transmitting antenna's gain, the same at every angle
	 * @param receiveGainDbi the receiving antenna's
	 */
	PathMode at(double frequency, double powerDbw, double transmitGainDbi, double receiveGainDbi) {
		EndRays[] ends = ends(frequency, transmitGainDbi, receiveGainDbi);
		return mode(frequency, ends[0], ends[1], powerDbw);
	}

	/** FINDF at both ends, then GMLOSS (SETTXR) and SELTXR: the rays of each end and the one chosen. */
	EndRays[] ends(double frequency, double transmitGainDbi, double receiveGainDbi) {
		double pathKm = path.distanceKm();
		return new EndRays[] {
				EndRays.of(transmitterEnd.rays(frequency, minimumElevation), transmitterEnd, frequency, muf, pathKm,
						signal, land, transmitGainDbi, minimumElevation),
				EndRays.of(receiverEnd.rays(frequency, minimumElevation), receiverEnd, frequency, muf, pathKm, signal,
						land, receiveGainDbi, minimumElevation) };
	}

	/** LNGPAT: the mode from the two ends' rays. */
	private PathMode mode(double frequency, EndRays transmitter, EndRays receiver, double powerDbw) {
		EndRays.EndRay up = transmitter.ray();
		EndRays.EndRay down = receiver.ray();
		double del = .5 * D2R * (up.takeOff() + down.takeOff());
		double hp = .5 * (up.virtualHeight() + down.virtualHeight());
		double sphe = EARTH_RADIUS_KM * Math.cos(del) / (EARTH_RADIUS_KM + hp);
		double phe = Math.atan(sphe / Math.sqrt(1. - sphe * sphe));
		double dt = .5 * up.groundKm() / EARTH_RADIUS_KM;
		double dr = .5 * down.groundKm() / EARTH_RADIUS_KM;
		double gcd = path.distance();
		double free = freeSpace(del, phe, sphe, hp, gcd, frequency);

		double between = gcd - dt - dr;
		double overTop = 0;
		double byHops = 0;
		double topLoss = 0;
		double hopsLoss = 0;
		if (between * EARTH_RADIUS_KM > -1.) {
			overTop = overTheTop(between * EARTH_RADIUS_KM, frequency) / EARTH_RADIUS_KM;
			byHops = Math.max(between - overTop, 0.);
			topLoss = absorptionPerKm(del, hp, overTop, TOP_ABSORPTION_INDEX, true, frequency) * overTop
					* EARTH_RADIUS_KM;
			hopsLoss = absorptionPerKm(del, hp, byHops, signal.absorptionIndex(), false, frequency) * byHops
					* EARTH_RADIUS_KM;
		}
		double groundLoss = .5 * (up.ground() + down.ground());
		double groundHops = Math.max(byHops / (dr + dt), 1.);
		double loss = free + up.loss() / 2. + topLoss + hopsLoss + down.loss() / 2. + (groundHops - 1.) * groundLoss
				+ signal.systemLoss() - down.gain() - up.gain();
		double hops = Math.max(1., .5 * gcd / (dr + dt));

		// the signal's deciles: the day-to-day spread of the MUF of each end's layer (the mean of the two) per hop
		double[] lowerUpper = mufSpread(up.layer(), frequency);
		if (down.layer() != up.layer()) {
			double[] other = mufSpread(down.layer(), frequency);
			lowerUpper[0] = .5 * (lowerUpper[0] + other[0]);
			lowerUpper[1] = .5 * (lowerUpper[1] + other[1]);
		}
		double lower = Math.min(signal.lowerDecile() + hops * lowerUpper[0], MOST_DECILE_DB);
		double upper = Math.min(signal.upperDecile() + hops * lowerUpper[1], MOST_DECILE_DB);
		return new PathMode(hops, up.layer(), down.layer(), up.takeOff(), down.takeOff(), hp, loss, powerDbw - loss,
				lower, upper, Math.min(transmitter.mufDay(), receiver.mufDay()));
	}

	/**
	 * The free-space loss over the mean ray's group path, dB, less the focusing of the rays converging on the far side
	 * of the earth (CONVH: at most 15 dB, at the antipode).
	 */
	private static double freeSpace(double del, double phe, double sphe, double hp, double gcd, double frequency) {
		double ray = EARTH_RADIUS_KM * Math.cos(phe + del) / sphe;
		double psi = PIO2 - del - phe;
		double groupPath = 2. * ray + (EARTH_RADIUS_KM + hp) * Math.max(gcd - 2. * psi, LEAST_ARC);
		double focusing = Math.min(MOST_FOCUSING_DB, 10. * Math.log10(
				groupPath / EARTH_RADIUS_KM * Math.cos(del) / Math.max(Math.abs(Math.sin(gcd)), LEAST_SINE)));
		return 36.58 + 20. * Math.log10(.6214 * groupPath * frequency) - focusing;
	}

	/**
	 * GETTOP: the part of the distance between the ends, km, the signal may cross over a middle whose E layer is
	 * higher than at both ends (chordal hop, as from day to night), when the frequency is between the E penetration
	 * frequency at the ends and in the middle at 3 degrees; 0 below 1000 km or with less than 1000 km besides.
	 */
	private double overTheTop(double betweenKm, double frequency) {
		double cos = EARTH_RADIUS_KM * Math.cos(EndRays.BEST_TAKE_OFF * D2R);
		double[] penetration = new double[3];
		for (int i = 0; i < 3; i++) {
			double sin = cos / (EARTH_RADIUS_KM + eLayers[i].height());
			penetration[i] = eLayers[i].criticalFrequency()
					/ Math.sqrt(1. - Math.min(sin * sin, MOST_SINE_SQUARE));
		}
		double higherEnd = Math.max(penetration[0], penetration[2]);
		double middle = penetration[1];
		double lowerEnd = Math.min(penetration[0], penetration[2]);
		if (higherEnd >= middle || frequency - middle - MHZ >= 0 || frequency - higherEnd + MHZ <= 0) {
			return 0;
		}
		double km = .5 * betweenKm * (middle - frequency) * (1. / (middle - higherEnd) + 1. / (middle - lowerEnd));
		return km <= LEAST_TOP_KM || betweenKm - km - LEAST_TOP_KM <= 0 ? 0 : km;
	}

	/**
	 * TABS (over the {@code top}) and BABS (by hops): the absorption per km, dB, of a distance (radians)
	 * flown by hops of the mean ray with an absorption index (as for a fractional number of F2 hops); 1000 dB/km when
	 * there is no distance or the ray is below 70 km (TABS also at 70 km).
	 */
	private double absorptionPerKm(double del, double hp, double distance, double absorptionIndex,
			boolean top, double frequency) {
		if (distance <= 0 || hp < EndRays.LOWEST_KM || hp == EndRays.LOWEST_KM && top) {
			return NO_RAY_DB_PER_KM;
		}
		double sphe = EARTH_RADIUS_KM * Math.cos(del) / (EARTH_RADIUS_KM + hp);
		double psi = PIO2 - Math.atan(sphe / Math.sqrt(1. - sphe * sphe)) - del;
		double hops = .5 * distance / psi;
		return Absorption.ofPass(Math.cos(del), Absorption.ABSORPTION_KM, absorptionIndex,
				Absorption.gyroTerm(frequency, gyrofrequency), Absorption.F_COLLISIONS) * hops
				/ (distance * EARTH_RADIUS_KM);
	}

	/**
	 * Per hop, the signal's lower and upper decile from a layer's MUF distribution: the over-the-MUF loss at its
	 * FOT less that at its MUF, and at its MUF less that at its HPF, over the ratio of its tangent frequency to its
	 * MUF (LNGPAT's DSLF, DSUF).
	 */
	private double[] mufSpread(int layer, double frequency) {
		LayerMuf at = muf.layer(layer);
		double atMuf = -10. * Math.log10(MufProbability.of(frequency, at.muf(), at.muf(), at));
		double atFot = -10. * Math.log10(MufProbability.of(frequency, at.fot(), at.fot(), at));
		double atHpf = -10. * Math.log10(MufProbability.of(frequency, at.hpf(), at.hpf(), at));
		double ratio = at.verticalFrequency() / at.muf();
		return new double[] { (atFot - atMuf) / ratio, (atMuf - atHpf) / ratio };
	}

}

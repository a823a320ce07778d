package org.waveplan.propagation;

import static org.waveplan.propagation.Voacap.D2R;
import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;
import static org.waveplan.propagation.Voacap.PIO2;
import static org.waveplan.propagation.Voacap.R2D;

/**
 * A circuit's MUF at one hour by VOACAP's method 26 (CURMUF, with the full electron density profile of LECDEN and
 * GETHP, VOACAP's default): the E, F1 and F2 layers' MUFs over the path's hops in the controlling sample area, and
 * the circuit's MUF, FOT and HPF, the largest of the layers' (sporadic E is not part of them).
 *
 * @param e the E layer's MUF
 * @param f1 the F1 layer's, or the E layer's where there is no F1 layer (as VOACAP has it)
 * @param f2 the F2 layer's
 * @param controllingArea the index (0-based) of the sample area that controls the MUF
 * @param profiledArea that area as VOACAP leaves it after the MUF: its F1 as the electron density profile reshaped
 *     it (LECDEN changes the area in place, so method 30's own profile of this area starts from this one)
 */
record CircuitMuf(LayerMuf e, LayerMuf f1, LayerMuf f2, int controllingArea, SampleArea profiledArea) {

	/** The E and F1 layers' MUF deviations: a tenth of the MUF, at least 0.01 MHz. */
	private static final double LAYER_DEVIATION = 0.1;

	private static final double LEAST_DEVIATION = 0.01;

	/** The tangent frequency of a layer is foF / sqrt(1 + 0.5 ym / hm) (AE, A1, A2). */
	private static final double TANGENT = 0.5;

	/** Below 2000 km the F2 MUF tends to foF2 itself, as exp(-9.5 d / 2000 km) (DZF, BEX). */
	private static final double SHORT_PATH_KM = 2000.;

	private static final double SHORT_PATH_DECAY = 9.5;

	/** Martyn's theorem's correction stops once the MUF moves by at most 0.1 MHz, or after 5 rounds (FQDEL, NFQ). */
	private static final double CONVERGED_MHZ = 0.1;

	private static final int ROUNDS = 5;

	/** The F2 layers of the two end areas count as equal within this much, MHz (as SELMOD compares them). */
	private static final double SAME_F2 = .01;

	/** The circuit's MUF: the largest layer MUF. */
	double muf() {
		return Math.max(e.muf(), Math.max(f1.muf(), f2.muf()));
	}

	/** The circuit's FOT: the largest layer FOT. */
	double fot() {
		return Math.max(e.fot(), Math.max(f1.fot(), f2.fot()));
	}

	/** The circuit's HPF: the largest layer HPF. */
	double hpf() {
		return Math.max(e.hpf(), Math.max(f1.hpf(), f2.hpf()));
	}

	/** The layer of the circuit's MUF, 1 E, 2 F1, 3 F2, E before F1 before F2 when equal (MODMUF). */
	int mufLayer() {
		double muf = muf();
		return e.muf() >= muf ? 1 : f1.muf() >= muf ? 2 : 3;
	}

	/** A layer's MUF by VOACAP's number, 1 E, 2 F1, 3 F2. */
	LayerMuf layer(int layer) {
		return switch (layer) {
			case 1 -> e;
			case 2 -> f1;
			default -> f2;
		};
	}

	/**
	 * CURMUF over a path at an hour.
	 *
	 * @param path the circuit
	 * @param points the ionosphere at each of the path's control points at the hour
	 * @param areas the sample areas made of them (IONSET)
	 * @param maps the month's maps (the F2 MUF deciles)
	 * @param minimumElevation the lowest elevation angle the antennas use, degrees (AMIND, 3 by default)
	 */
	static CircuitMuf of(PathGeometry path, Ionosphere[] points, SampleArea[] areas, IonosphericMaps maps,
			double minimumElevation) {
		int controlling = controllingArea(areas);
		SampleArea area = areas[controlling];
		ElectronDensityProfile profile = new ElectronDensityProfile(area);
		double pathKm = path.distanceKm();
		double elevation = Math.max(0.0, minimumElevation) * D2R;

		Layer e = area.e();
		double tangentE = e.criticalFrequency() * tangentRatio(e);
		ElectronDensityProfile.Reflection atE = profile.reflection(tangentE);
		Hop hopE = new Hop(pathKm, elevation, atE.virtualHeight());
		double secantE = hopE.secant(atE.virtualHeight(), atE.trueHeight());
		double eMuf = tangentE * secantE;
		double eDeviation = Math.max(LEAST_DEVIATION, LAYER_DEVIATION * eMuf);
		LayerMuf eLayer = new LayerMuf(eMuf, eDeviation, eDeviation, hopE.elevation(atE.virtualHeight()) * R2D,
				atE.virtualHeight(), atE.trueHeight(), tangentE, hopE.hops);

		Layer f2 = area.f2();
		double ratioF2 = tangentRatio(f2);
		if (pathKm < SHORT_PATH_KM) {
			ratioF2 *= 1. + (-1. + 1. / ratioF2) * Math.exp(-SHORT_PATH_DECAY * pathKm / SHORT_PATH_KM);
		}
		LayerMuf f2Layer = martyn(profile, f2.criticalFrequency(), f2.criticalFrequency() * ratioF2, pathKm,
				elevation);
		// CURMUF reads the latitude and local time of the control point numbered as the area (not where its F2 is)
		ControlPoint point = path.controlPoints().get(controlling);
		double localTime = points[controlling].localTime();
		f2Layer = f2Layer.withDeviations(maps.f2MufDeviation(f2Layer.muf(), point.latitude(), localTime, false),
				maps.f2MufDeviation(f2Layer.muf(), point.latitude(), localTime, true));

		LayerMuf f1Layer = eLayer;
		Layer f1 = profile.f1();
		if (f1.present()) {
			f1Layer = martyn(profile, f1.criticalFrequency(), f1.criticalFrequency() * tangentRatio(f1), pathKm,
					elevation);
			double deviation = Math.max(LEAST_DEVIATION, LAYER_DEVIATION * f1Layer.muf());
			f1Layer = f1Layer.withDeviations(deviation, deviation);
		}
		return new CircuitMuf(eLayer, f1Layer, f2Layer, controlling, new SampleArea(area.e(), f1, area.f2()));
	}

	/**
	 * The sample area whose layers give the MUF: of the two end areas, the one with the lower foF2 (with five control
	 * points), or where those are within 0.01 MHz, and always with three, the one with the lower foE.
	 */
	private static int controllingArea(SampleArea[] areas) {
		int last = areas.length - 1;
		if (last == 0) {
			return 0;
		}
		if (last == 2) {
			double first = areas[0].f2().criticalFrequency();
			double other = areas[last].f2().criticalFrequency();
			if (Math.abs(first - other) > SAME_F2) {
				return first < other ? 0 : last;
			}
		}
		return areas[0].e().criticalFrequency() <= areas[last].e().criticalFrequency() ? 0 : last;
	}

	private static double tangentRatio(Layer layer) {
		return 1.0 / Math.sqrt(1.0 + TANGENT * layer.semiThickness() / layer.height());
	}

	/**
	 * An F layer's MUF: the secant law at the height of reflection of the tangent frequency, with the virtual height
	 * corrected for the earth's curvature (Martyn's theorem corrected) until the MUF settles. Its deviations are
	 * left 0.
	 */
	private static LayerMuf martyn(ElectronDensityProfile profile, double criticalFrequency, double tangent,
			double pathKm, double elevation) {
		ElectronDensityProfile.Reflection at = profile.reflection(tangent);
		double virtualHeight = at.virtualHeight();
		double trueHeight = at.trueHeight();
		Hop hop = new Hop(pathKm, elevation, virtualHeight);
		double sinIncidence = hop.sinIncidence(virtualHeight, trueHeight);
		double muf = tangent / Math.sqrt(1. - sinIncidence * sinIncidence);
		double lift = (virtualHeight - trueHeight) / EARTH_RADIUS_KM;
		double corrected = virtualHeight;
		for (int round = 1; round <= ROUNDS; round++) {
			double previous = muf;
			double ratio = previous / criticalFrequency;
			corrected = virtualHeight + ratio * ratio * sinIncidence * sinIncidence * lift
					* (trueHeight + 2. * (EARTH_RADIUS_KM + trueHeight) * lift);
			sinIncidence = hop.sinIncidence(corrected, trueHeight);
			muf = tangent / Math.sqrt(1. - sinIncidence * sinIncidence);
			if (Math.abs(muf - previous) <= CONVERGED_MHZ) {
				break;
			}
		}
		return new LayerMuf(muf, 0, 0, hop.elevation(corrected) * R2D, corrected, trueHeight, tangent, hop.hops);
	}

	/**
	 * The hops of a path by a layer: as many as the lowest elevation angle allows at the layer's virtual height
	 * (at least one), each covering an equal part of the path.
	 */
	private static final class Hop {

		final int hops;

		/** Half a hop's ground distance, radians of the earth's centre. */
		final double halfHop;

		Hop(double pathKm, double elevation, double virtualHeight) {
			double incidence = Math.asin(EARTH_RADIUS_KM * Math.cos(elevation) / (EARTH_RADIUS_KM + virtualHeight));
			this.hops = (int) (.5 * pathKm / ((PIO2 - elevation - incidence) * EARTH_RADIUS_KM)) + 1;
			this.halfHop = pathKm / (2. * EARTH_RADIUS_KM) / hops;
		}

		/** The elevation angle, radians, of a hop reflected at a virtual height. */
		double elevation(double virtualHeight) {
			double incidence = Math.atan(
					Math.sin(halfHop) / (1. - Math.cos(halfHop) + virtualHeight / EARTH_RADIUS_KM));
			return PIO2 - incidence - halfHop;
		}

		/** The sine of the angle of incidence at the true height of reflection (the secant law's). */
		double sinIncidence(double virtualHeight, double trueHeight) {
			return EARTH_RADIUS_KM * Math.cos(elevation(virtualHeight)) / (EARTH_RADIUS_KM + trueHeight);
		}

		double secant(double virtualHeight, double trueHeight) {
			double sin = sinIncidence(virtualHeight, trueHeight);
			return 1. / Math.sqrt(1. - sin * sin);
		}

	}

}

package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.List;

import static org.waveplan.propagation.Voacap.D2R;
import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;
import static org.waveplan.propagation.Voacap.PIO2;
import static org.waveplan.propagation.Voacap.R2D;

/**
 * The rays a sample area reflects at one frequency, as VOACAP's FINDF finds them (with PENANG's penetration angles):
 * layer by layer, for each take-off angle of the {@link Reflectrix} below the angle that penetrates the layer, the
 * ionogram point whose oblique frequency is the operating one (interpolated between two), with the penetration cusp
 * of each layer inserted; each ray's virtual height corrected for the earth's curvature (Martyn's theorem) and its
 * ground distance. The shortest ground distance is the skip distance; the longest at or above the lowest elevation
 * angle the maximum hop.
 *
 * @param penetration per layer (E, F1, F2) the take-off angle above which it is penetrated, degrees (DELPEN; F1's is
 *     E's where there is no F1; 90 or 89.9 where none penetrates)
 * @param rays at most 45, by layer and rising angle
 * @param skip the ray of the shortest ground distance, null when there is no ray
 * @param skipKm its ground distance (DSKPKM; 10,000 km when there is no ray, -1 when F2 is penetrated at every angle)
 * @param maximumKm the longest ground distance of a ray at or above the lowest elevation angle (DMAXKM; 0 or -1
 *     when there is none)
 */
record RaySet(double[] penetration, List<Ray> rays, Ray skip, double skipKm, double maximumKm) {

	/**
	 * One ray of the set.
	 *
	 * @param takeOff the take-off angle, degrees (DELFX)
	 * @param virtualHeight corrected for the earth's curvature, km (HPFLX)
	 * @param trueHeight km (HTFLX)
	 * @param groundKm the hop's ground distance (GDFLX)
	 * @param verticalFrequency the equivalent vertical frequency, MHz (FVFLX)
	 * @param layer 1 E, 2 F1, 3 F2 (IMODE)
	 * @param deviativeLoss the deviative loss factor (AFFLX)
	 */
	record Ray(double takeOff, double virtualHeight, double trueHeight, double groundKm, double verticalFrequency,
			int layer, double deviativeLoss) {
	}

	private static final int MOST_RAYS = 45;

	/** The ionogram's layers: E up to index 9, F1 up to 19 (where there is one), F2 up to 29. */
	private static final int[] TOPS = { 9, 19, 29 };

	private static final double NO_SKIP_KM = 10000.;

	/** A frequency at most this much above a cusp's vertical one is reflected at every angle (ratio squared). */
	private static final double REFLECTED = .9999;

	private static final double HORIZONTAL = .999999;

	/** The cusp of the next layer is put this far above the last angle, degrees. */
	private static final double NEXT_CUSP = .001;

	private static final double UPRIGHT = 89.99;

	private static final double ALMOST_UPRIGHT = 89.9;

	/**
	 * FINDF at a frequency.
	 *
	 * @param ionogram the area's ionogram
	 * @param f1 whether the area has an F1 layer (as its profile left it)
	 * @param foF2 its F2 critical frequency, MHz
	 * @param minimumElevation the lowest elevation angle the antennas use, degrees (AMIND)
	 */
	static RaySet of(double frequency, Ionogram ionogram, Reflectrix reflectrix, DeviativeLoss loss, boolean f1,
			double foF2, double minimumElevation) {
		double[] penetration = new double[3];
		boolean allPenetrated = penetrationAngles(frequency, ionogram, f1, penetration);
		Search search = new Search(frequency, ionogram, reflectrix, loss, f1, foF2, minimumElevation, penetration);
		if (allPenetrated) {
			search.skipKm = -1;
			search.maximumKm = -1;
		}
		search.run();
		return new RaySet(penetration, List.copyOf(search.rays), search.skip, search.skipKm, search.maximumKm);
	}

	/**
	 * PENANG: each layer's penetration angle, from the vertical frequency at its cusp (E's and F1's) or from the
	 * largest of the last three points' (RZ + h) * mu (F2's, where the layer is thick enough for the earth's curvature
	 * to matter).
	 *
	 * @return whether F2 is penetrated at every angle
	 */
	private static boolean penetrationAngles(double frequency, Ionogram ionogram, boolean f1, double[] penetration) {
		double[] fv = ionogram.frequencies();
		double[] ht = ionogram.trueHeights();
		double eAngle = cuspAngle(frequency, fv[TOPS[0]], ht[TOPS[0]]);
		if (Double.isNaN(eAngle)) {
			penetration[0] = ALMOST_UPRIGHT;
			penetration[1] = 90.;
			penetration[2] = 90.;
			return false;
		}
		penetration[0] = eAngle;
		if (f1) {
			double f1Angle = cuspAngle(frequency, fv[TOPS[1]], ht[TOPS[1]]);
			if (Double.isNaN(f1Angle)) {
				penetration[1] = ALMOST_UPRIGHT;
				penetration[2] = 90.;
				return false;
			}
			penetration[1] = f1Angle;
		}
		else {
			penetration[1] = eAngle;
		}
		int top = TOPS[2];
		if (fv[top] - frequency + .0001 >= 0) {
			penetration[2] = ALMOST_UPRIGHT;
			return false;
		}
		double m28 = (EARTH_RADIUS_KM + ht[top - 2]) * Math.sqrt(1. - square(fv[top - 2] / frequency));
		double m29 = (EARTH_RADIUS_KM + ht[top - 1]) * Math.sqrt(1. - square(fv[top - 1] / frequency));
		double m30 = (EARTH_RADIUS_KM + ht[top]) * Math.sqrt(1. - square(fv[top] / frequency));
		double largest;
		if (m30 < m29) {
			largest = m29 < m28 ? m28 : m29;
		}
		else {
			largest = m30 < m28 ? m28 : m30;
		}
		double cos = largest / EARTH_RADIUS_KM;
		if (cos <= HORIZONTAL) {
			penetration[2] = Math.acos(cos) * R2D;
			return false;
		}
		penetration[2] = 0;
		return true;
	}

	/** The take-off angle that penetrates a cusp, 0 if every angle does, NaN if none does. */
	private static double cuspAngle(double frequency, double vertical, double trueHeight) {
		double ratio = square(vertical / frequency);
		if (ratio >= REFLECTED) {
			return Double.NaN;
		}
		double cos = (EARTH_RADIUS_KM + trueHeight) * Math.sqrt(1. - ratio) / EARTH_RADIUS_KM;
		return cos <= HORIZONTAL ? Math.acos(cos) * R2D : 0.;
	}

	private static double square(double x) {
		return x * x;
	}

	/** FINDF's search over the reflectrix, layer by layer (its indices 0-based). */
	private static final class Search {

		final double frequency;

		final int khz;

		final Ionogram ionogram;

		final Reflectrix reflectrix;

		final double[] factors;

		final boolean f1;

		final double fc2;

		final double minimumElevation;

		final double[] penetration;

		final List<Ray> rays = new ArrayList<>();

		Ray skip;

		double skipKm = NO_SKIP_KM;

		double maximumKm;

		Search(double frequency, Ionogram ionogram, Reflectrix reflectrix, DeviativeLoss loss, boolean f1,
				double foF2, double minimumElevation, double[] penetration) {
			this.frequency = frequency;
			this.khz = (int) (1000f * (float) frequency);
			this.ionogram = ionogram;
			this.reflectrix = reflectrix;
			this.factors = loss.factors();
			this.f1 = f1;
			this.fc2 = foF2 * foF2;
			this.minimumElevation = minimumElevation;
			this.penetration = penetration;
		}

		/** The layer searched (0 E, 1 F1, 2 F2), from its lowest ionogram point up to its highest. */
		private int layer;

		private int low;

		private int high = TOPS[0];

		/** Where the search has got to; it goes on from there at the next angle. */
		private int point;

		void run() {
			int angle = -1;
			while (true) {
				if (penetration[layer] <= 0) {
					// a layer that gives no ray
					if (!nextLayer()) {
						return;
					}
					continue;
				}
				if (penetration[layer] > UPRIGHT) {
					return;
				}
				angle++;
				if (angle >= reflectrix.angles()) {
					return;
				}
				if (penetration[layer] > Reflectrix.ANGLES[angle]) {
					if (search(angle) && rays.size() >= MOST_RAYS) {
						return;
					}
					continue;
				}
				// the layer's own cusp at its penetration angle, then the next layer's cusp just above it, and the
				// angle looked at again for the next layer
				add(penetration[layer], high, 0, layer);
				angle--;
				if (rays.size() >= MOST_RAYS || layer == 2 || penetration[layer] >= ALMOST_UPRIGHT) {
					return;
				}
				add(rays.get(rays.size() - 1).takeOff() + NEXT_CUSP, high + 1, 0, f1 ? layer + 1 : 2);
				if (rays.size() >= MOST_RAYS || !nextLayer()) {
					return;
				}
			}
		}

		/**
		 * The ionogram point whose oblique frequency at an angle is the operating one, or the two it falls between.
		 *
		 * @return whether there is one (a ray was added)
		 */
		private boolean search(int angle) {
			int[] oblique = reflectrix.obliqueKhz()[angle];
			while (true) {
				if (oblique[low] >= khz) {
					add(Reflectrix.ANGLES[angle], point, 0, layer);
					return true;
				}
				if (point >= high) {
					return false;
				}
				if (oblique[point] == khz) {
					add(Reflectrix.ANGLES[angle], point, 0, layer);
					return true;
				}
				if (oblique[point] < khz && oblique[point + 1] >= khz) {
					double slope = (khz - oblique[point]) / Math.max(1., oblique[point + 1] - oblique[point]);
					add(Reflectrix.ANGLES[angle], point, slope, layer);
					return true;
				}
				point++;
			}
		}

		/** From E to F1 (where there is one) or F2, from F1 to F2. */
		private boolean nextLayer() {
			if (layer == 2) {
				return false;
			}
			low = layer == 0 ? TOPS[0] + 1 : TOPS[1] + 1;
			layer = layer == 0 && f1 ? 1 : 2;
			high = TOPS[layer];
			point = low;
			return true;
		}

		/** A ray at a take-off angle reflected between an ionogram point and the next (at slope 0, at the point). */
		private void add(double takeOff, int point, double slope, int layer) {
			double[] fv = ionogram.frequencies();
			double[] hp = ionogram.virtualHeights();
			double[] ht = ionogram.trueHeights();
			double trueHeight = ht[point];
			double vertical = fv[point];
			double virtual = hp[point];
			double factor = factors[point];
			if (slope != 0) {
				trueHeight += slope * (ht[point + 1] - ht[point]);
				vertical += slope * (fv[point + 1] - fv[point]);
				virtual += slope * (hp[point + 1] - hp[point]);
				factor += slope * (factors[point + 1] - factors[point]);
			}
			double del = takeOff * D2R;
			double xfsq = frequency * frequency / fc2;
			double xmut = 1. - vertical * vertical / (frequency * frequency);
			double xhp = (virtual - trueHeight) / EARTH_RADIUS_KM;
			virtual += xfsq * xmut * xhp * (trueHeight + 2. * (EARTH_RADIUS_KM + trueHeight) * xhp);
			double incidence = Math.asin(EARTH_RADIUS_KM * Math.cos(del) / (EARTH_RADIUS_KM + virtual));
			double ground = 2. * EARTH_RADIUS_KM * (PIO2 - del - incidence);
			Ray ray = new Ray(takeOff, virtual, trueHeight, ground, vertical, layer + 1, factor);
			rays.add(ray);
			if (skipKm > ground) {
				skipKm = ground;
				skip = ray;
			}
			if (maximumKm <= ground && takeOff >= minimumElevation) {
				maximumKm = ground;
			}
		}

	}

}

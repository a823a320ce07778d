package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.List;

import static org.waveplan.propagation.Voacap.D2R;
import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;
import static org.waveplan.propagation.Voacap.PIO2;
import static org.waveplan.propagation.Voacap.R2D;

/**
 * The modes of a circuit at a frequency by a number of equal hops, as VOACAP's LUFFY ranges the hops and FDIST finds
 * each hop's modes: up to six rays of the {@link RaySet} whose ground distance is the hop's, low and high angle, in
 * each layer (interpolated between two rays, the take-off angle then put right for the hop's geometry and the
 * vertical frequency by the secant law), none below the lowest elevation angle.
 */
final class HopModes {

	/**
	 * One mode of a hop.
	 *
	 * @param takeOff degrees (DELMOD)
	 * @param virtualHeight km (HPMOD)
	 * @param trueHeight km (HTMOD)
	 * @param verticalFrequency MHz (FVMOD)
	 * @param layer 1 E, 2 F1, 3 F2 (ITMOD)
	 * @param deviativeLoss the deviative loss factor (AFMOD)
	 */
	record Mode(double takeOff, double virtualHeight, double trueHeight, double verticalFrequency, int layer,
			double deviativeLoss) {
	}

	private static final int MOST_MODES = 6;

	/** How many rays FDIST looks through (its table of 45, each with the next). */
	private static final int MOST_RAYS = 44;

	/** Ground distances closer than this, km, are the same. */
	private static final double SAME_KM = .001;

	private static final double LEAST_COSINE_SQUARE = .000001;

	/** LUFFY looks at three hop numbers at most. */
	private static final int MORE_HOPS = 2;

	private HopModes() {
	}

	/**
	 * LUFFY's hops for a frequency: from as many as the longest hop needs (at least the fewest of the layers' MUF
	 * hops) up to two more, as far as the skip distance allows; the fewest MUF hops alone when no ray reaches the
	 * lowest elevation angle.
	 *
	 * @return the first and the last number of hops
	 */
	static int[] hops(double pathKm, RaySet rays, CircuitMuf muf) {
		int fewest = Math.min(muf.e().hops(), muf.f2().hops());
		if (muf.f1().hops() > 0) {
			fewest = Math.min(fewest, muf.f1().hops());
		}
		if (rays.maximumKm() <= 0) {
			return new int[] { fewest, fewest };
		}
		int first = Math.max(fewest, (int) (pathKm / rays.maximumKm() + 1.));
		int most = Math.max(first, (int) (pathKm / rays.skipKm()));
		int last = Math.min(most, first + MORE_HOPS);
		if (first > fewest) {
			first = Math.max(fewest, last - MORE_HOPS);
		}
		return new int[] { first, last };
	}

	/**
	 * FDIST: a hop's modes.
	 *
	 * @param hopKm the hop's ground distance
	 * @param minimumElevation degrees (AMIND)
	 */
	static List<Mode> of(double hopKm, double frequency, RaySet set, double minimumElevation) {
		List<Mode> modes = new ArrayList<>();
		if (hopKm >= set.maximumKm()) {
			return modes;
		}
		List<RaySet.Ray> rays = set.rays();
		for (int i = 0; i < MOST_RAYS && i + 1 < rays.size() && modes.size() < MOST_MODES; i++) {
			RaySet.Ray ray = rays.get(i);
			RaySet.Ray next = rays.get(i + 1);
			double g1 = ray.groundKm();
			double g2 = next.groundKm();
			Mode mode;
			if (g1 == g2) {
				// VOACAP's quirk, kept: two rays of the same distance give the first unless it is the hop's
				if (Math.abs(hopKm - g1) <= SAME_KM) {
					continue;
				}
				mode = at(ray);
			}
			else if (g1 == hopKm) {
				mode = at(ray);
			}
			else if (g2 == hopKm && (g1 < hopKm) == (g1 < g2)) {
				mode = at(next);
				i++;
			}
			else if (g1 < g2 ? g1 < hopKm && hopKm < g2 : g2 < hopKm && hopKm < g1) {
				mode = between(ray, next, hopKm, frequency);
			}
			else {
				continue;
			}
			if (mode.takeOff() >= minimumElevation) {
				modes.add(mode);
			}
		}
		return modes;
	}

	private static Mode at(RaySet.Ray ray) {
		return new Mode(ray.takeOff(), ray.virtualHeight(), ray.trueHeight(), ray.verticalFrequency(), ray.layer(),
				ray.deviativeLoss());
	}

	private static Mode between(RaySet.Ray ray, RaySet.Ray next, double hopKm, double frequency) {
		double span = next.groundKm() - ray.groundKm();
		if (Math.abs(span) <= SAME_KM) {
			return at(ray);
		}
		double share = (hopKm - ray.groundKm()) / span;
		double virtual = ray.virtualHeight() + (next.virtualHeight() - ray.virtualHeight()) * share;
		double real = ray.trueHeight() + (next.trueHeight() - ray.trueHeight()) * share;
		double loss = ray.deviativeLoss() + (next.deviativeLoss() - ray.deviativeLoss()) * share;
		double halfHop = 0.5 * hopKm / EARTH_RADIUS_KM;
		double incidence = Math.atan(Math.sin(halfHop) / (1. - Math.cos(halfHop) + virtual / EARTH_RADIUS_KM));
		double takeOff = (PIO2 - incidence - halfHop) * R2D;
		double sin = EARTH_RADIUS_KM * Math.cos(takeOff * D2R) / (EARTH_RADIUS_KM + real);
		double vertical = frequency * Math.sqrt(Math.max(1. - sin * sin, LEAST_COSINE_SQUARE));
		return new Mode(takeOff, virtual, real, vertical, ray.layer(), loss);
	}

}

package org.waveplan.propagation;

import java.util.List;

import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;
import static org.waveplan.propagation.Voacap.R2D;

/**
 * A hop's six mode places as VOACAP's INMUF leaves them for REGMOD: the modes FDIST found that reflect at 70 km or
 * higher, moved to the front (the places behind keep what they held, as VOACAP's arrays do, and REGMOD scores every
 * place that holds a mode); an over-the-MUF mode for each layer with none, when the frequency is within 0.4 MHz of
 * (or above) that layer's MUF and the hop count is the MUF's; for more hops than a layer's MUF takes, that layer's
 * MUF for this hop count, which replaces the layer's MUF for this hop when the frequency is near or above it; and a
 * vertical mode from the ionogram when the path is that short or nothing else was found at the MUF's hop count.
 *
 * @param modes the six places, null where none was ever put
 * @param layers the E, F1 and F2 MUFs this hop is scored against (index 1-3; 0 unused)
 */
record HopSlots(HopModes.Mode[] modes, LayerMuf[] layers) {

	private static final int PLACES = 6;

	/** Below this virtual height, km, a mode does not count (and INMUF moves it out of the way). */
	static final double LOWEST_MODE_KM = 70.;

	/** A frequency this close to a layer's MUF, MHz, is taken as over it. */
	private static final double NEAR_MUF = .4001;

	/** Beyond this take-off angle at the MUF the path is all but vertical. */
	private static final double VERTICAL = 89.9;

	/** Once five places hold modes every layer is in. */
	private static final int ALL_LAYERS = 5;

	/**
	 * @param hops this hop count
	 * @param found FDIST's modes of this hop
	 * @param area the controlling area (its F1 as the profile left it)
	 * @param f1 the F1 layer as the controlling area's profile left it
	 * @param ionogram the controlling area's
	 * @param loss the controlling area's deviative loss factors
	 */
	static HopSlots of(int hops, double frequency, double pathKm, List<HopModes.Mode> found, CircuitMuf muf,
			SampleArea area, Layer f1, Ionogram ionogram, DeviativeLoss loss) {
		HopModes.Mode[] modes = new HopModes.Mode[PLACES];
		for (int i = 0; i < found.size(); i++) {
			modes[i] = found.get(i);
		}
		LayerMuf[] layers = { null, muf.e(), muf.f1(), muf.f2() };
		Layer[] ionosphere = { null, area.e(), f1, area.f2() };
		boolean[] in = new boolean[4];
		int count = 0;
		for (int i = 0; i < PLACES; i++) {
			if (modes[i] != null && modes[i].virtualHeight() >= LOWEST_MODE_KM) {
				in[modes[i].layer()] = true;
				modes[count++] = modes[i];
			}
		}
		int mufLayer = muf.mufLayer();
		boolean vertical = muf.layer(mufLayer).elevation() >= VERTICAL;
		if (!vertical) {
			for (int layer = 1; layer <= 3 && count < ALL_LAYERS; layer++) {
				LayerMuf at = layers[layer];
				if (in[layer] || (layer == 2 && !f1.present())) {
					continue;
				}
				if (frequency + NEAR_MUF >= at.muf() && hops == at.hops()) {
					modes[count++] = new HopModes.Mode(at.elevation(), at.virtualHeight(), at.trueHeight(),
							at.verticalFrequency(), layer, 0.);
					in[layer] = true;
				}
			}
			if (hops == muf.layer(mufLayer).hops()) {
				vertical = count == 0;
			}
			else {
				for (int layer = 1; layer <= 3 && count < ALL_LAYERS; layer++) {
					LayerMuf at = layers[layer];
					if (in[layer] || (layer == 2 && !f1.present()) || hops <= at.hops()) {
						continue;
					}
					HopMuf hopMuf = HopMuf.of(at, ionosphere[layer].criticalFrequency(), ionogram, pathKm, hops);
					if (frequency - hopMuf.muf() + NEAR_MUF >= 0) {
						double scale = hopMuf.muf() / at.muf();
						layers[layer] = new LayerMuf(hopMuf.muf(), at.lowerDeviation() * scale,
								at.upperDeviation() * scale, at.elevation(), at.virtualHeight(), at.trueHeight(),
								at.verticalFrequency(), at.hops());
						modes[count++] = new HopModes.Mode(hopMuf.takeOff(), hopMuf.virtualHeight(), at.trueHeight(),
								at.verticalFrequency(), layer, 0.);
					}
				}
			}
		}
		if (vertical) {
			vertical(modes, count, frequency, ionosphere, ionogram, loss);
		}
		return new HopSlots(modes, layers);
	}

	/** The mode straight up at the frequency (less 1 kHz) from the ionogram, in the first place after the others. */
	private static void vertical(HopModes.Mode[] modes, int place, double frequency, Layer[] layers,
			Ionogram ionogram, DeviativeLoss loss) {
		double fv = frequency - 0.001;
		double[] f = ionogram.frequencies();
		double[] virtual = ionogram.virtualHeights();
		double[] real = ionogram.trueHeights();
		double[] factors = loss.factors();
		HopModes.Mode found = null;
		for (int i = 1; i < f.length && found == null; i++) {
			if (fv < f[i]) {
				double slope = f[i] - f[i - 1];
				if (slope <= 0.01) {
					return;
				}
				double share = (fv - f[i - 1]) / slope;
				found = new HopModes.Mode(90., virtual[i - 1] + (virtual[i] - virtual[i - 1]) * share,
						real[i - 1] + (real[i] - real[i - 1]) * share, fv, 0,
						factors[i - 1] + (factors[i] - factors[i - 1]) * share);
			}
			else if (fv == f[i]) {
				found = new HopModes.Mode(90., virtual[i], real[i], f[i], 0, factors[i]);
			}
		}
		if (found == null) {
			return;
		}
		for (int layer = 1; layer <= 3; layer++) {
			if ((layer != 2 || layers[2].present()) && found.trueHeight() <= layers[layer].height()) {
				modes[place] = new HopModes.Mode(found.takeOff(), found.virtualHeight(), found.trueHeight(),
						found.verticalFrequency(), layer, found.deviativeLoss());
				return;
			}
		}
	}

	/**
	 * A layer's MUF for more hops than its own MUF takes: at the layer's vertical frequency of the MUF, the
	 * ionogram's virtual height, Martyn's correction, and the secant law over this hop.
	 */
	private record HopMuf(double muf, double takeOff, double virtualHeight) {

		static HopMuf of(LayerMuf layer, double criticalFrequency, Ionogram ionogram, double pathKm, int hops) {
			double fv = layer.verticalFrequency();
			double ht = layer.trueHeight();
			double hpVertical = Voacap.interpolate(fv, ionogram.frequencies(), ionogram.virtualHeights());
			double xhp = (hpVertical - ht) / EARTH_RADIUS_KM;
			double psi = .5 * pathKm / EARTH_RADIUS_KM / hops;
			double sphe = sineOfIncidence(psi, hpVertical, ht);
			double oblique = fv / Math.sqrt(1. - sphe * sphe);
			double ratio = oblique * oblique / (criticalFrequency * criticalFrequency);
			double correction = ratio * sphe * sphe * xhp * (ht + 2. * (EARTH_RADIUS_KM + ht) * xhp);
			double hpNow = hpVertical + correction;
			double tanDelta = tanTakeOff(psi, hpNow);
			sphe = sineOfIncidence(psi, hpNow, ht);
			return new HopMuf(fv / Math.sqrt(1. - sphe * sphe), Math.atan(tanDelta) * R2D, hpNow);
		}

		private static double tanTakeOff(double psi, double virtualHeight) {
			return (Math.cos(psi) - EARTH_RADIUS_KM / (EARTH_RADIUS_KM + virtualHeight)) / Math.sin(psi);
		}

		private static double sineOfIncidence(double psi, double virtualHeight, double trueHeight) {
			double tanDelta = tanTakeOff(psi, virtualHeight);
			double cosDelta = 1. / Math.sqrt(1. + tanDelta * tanDelta);
			return EARTH_RADIUS_KM * cosDelta / (EARTH_RADIUS_KM + trueHeight);
		}

	}

}

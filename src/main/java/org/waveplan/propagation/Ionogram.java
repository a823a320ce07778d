package org.waveplan.propagation;

/**
 * A sample area's vertical-incidence ionogram as VOACAP's GENION makes it for the modes (with the full profile, its
 * default): 30 sounding frequencies spread over the D-E tail, E's nose, the E-F cusp, F1 where there is one, and F2's
 * nose up to 0.99 foF2, each with the true and the virtual height of its reflection.
 */
record Ionogram(double[] frequencies, double[] virtualHeights, double[] trueHeights) {

	static final int FREQUENCIES = 30;

	/** Where E's parabola gives way to its tail, in E's semi-thicknesses below its peak (as the profile has it). */
	private static final double TAIL = .85;

	/**
	 * GENION of an area over its profile.
	 *
	 * @param area the area's critical frequencies (the profile may have reshaped F1, not its critical frequency)
	 */
	static Ionogram of(SampleArea area, ElectronDensityProfile profile) {
		double foE = area.e().criticalFrequency();
		double foF1 = area.f1().criticalFrequency();
		double foF2 = area.f2().criticalFrequency();
		double[] f = new double[FREQUENCIES];
		f[0] = .01;
		f[3] = foE * Math.sqrt(1. - TAIL * TAIL);
		fill(f, 0, 3);
		// E's nose, and a guess at its MUF
		f[8] = .957 * foE;
		f[9] = 0.99 * foE;
		fill(f, 3, 8);
		// the E-F cusp
		f[10] = 1.05 * foE;
		// F2's nose
		f[29] = 0.99 * foF2;
		f[28] = 0.98 * foF2;
		f[27] = 0.96 * foF2;
		f[26] = 0.92 * foF2;
		if (foF1 > 0) {
			f[19] = 0.99 * foF1;
			fill(f, 10, 19);
			// the F1-F2 cusp
			f[20] = 1.01 * foF1;
			fill(f, 20, 26);
		}
		else {
			fill(f, 10, 26);
		}
		double[] virtual = new double[FREQUENCIES];
		double[] real = new double[FREQUENCIES];
		for (int i = 0; i < FREQUENCIES; i++) {
			ElectronDensityProfile.Reflection reflection = profile.reflection(f[i]);
			virtual[i] = reflection.virtualHeight();
			real[i] = reflection.trueHeight();
		}
		return new Ionogram(f, virtual, real);
	}

	/** Equal steps between two frequencies already set. */
	private static void fill(double[] f, int from, int to) {
		double step = (f[to] - f[from]) / (to - from);
		for (int i = from + 1; i < to; i++) {
			f[i] = f[i - 1] + step;
		}
	}

}

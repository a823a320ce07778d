package org.waveplan.propagation;

/**
 * A sample area's deviative loss factors as VOACAP's ALOSFV gives them for the modes, one per ionogram frequency:
 * nothing for rays reflected below the height of the layer's MUF, and for the high-angle rays above it a loss
 * proportional to how much their group path exceeds the phase path (virtual less true height, beyond that of the
 * MUF's ray), weighted by a collision frequency falling off with height. The factors run on continuously across the
 * E-F1 and F1-F2 cusps.
 *
 * @param factors per ionogram frequency (VOACAP's AFAC), at least 0
 */
record DeviativeLoss(double[] factors) {

	/** The collision terms' scale at E's, F1's and F2's upper side (ALOSFV's A). */
	private static final double E_SCALE = 0.2;

	private static final double F_SCALE = 0.1;

	/** The collision term is at least this near a cusp and above F1 ... */
	private static final double LEAST = 0.05;

	/** ... and above an F2 layer without F1 (VOACAP's forced minimum). */
	private static final double LEAST_F2_ALONE = 0.5;

	/** The collision term's exponent is at least this. */
	private static final double LEAST_EXPONENT = -10.;

	/** The ionogram's indices: E's 10 frequencies, the cusp above E (3, its last 0), F1's 7 where there is one. */
	private static final int E_TOP = 10;

	private static final int CUSP = 3;

	private static final int F1_TOP = 20;

	/**
	 * ALOSFV of an area.
	 *
	 * @param area the area's E and F2 layers
	 * @param f1 its F1 layer as its profile left it ({@link ElectronDensityProfile#f1()})
	 * @param muf the circuit's MUF (each layer's heights of reflection at its MUF, from the controlling area)
	 */
	static DeviativeLoss of(Ionogram ionogram, SampleArea area, Layer f1, CircuitMuf muf) {
		double[] virtual = ionogram.virtualHeights();
		double[] real = ionogram.trueHeights();
		double[] factors = new double[Ionogram.FREQUENCIES];
		Layer e = area.e();
		double eExcess = muf.e().virtualHeight() - muf.e().trueHeight();
		double eBase = e.height() - e.semiThickness();
		// the last collision term found carries on into the next region, as VOACAP's CF does
		double term = 0;
		for (int i = 0; i < E_TOP; i++) {
			if (real[i] > muf.e().trueHeight()) {
				term = E_SCALE * collisions(real[i], eBase, e.semiThickness());
				factors[i] = term * (virtual[i] - real[i] - eExcess);
			}
		}
		Layer f2 = area.f2();
		Layer above = f1.present() ? f1 : f2;
		term = cusp(factors, virtual, real, E_TOP, term, above.semiThickness());
		double cuspBase = real[E_TOP];
		if (f1.present()) {
			term = layer(factors, virtual, real, E_TOP + CUSP, F1_TOP, muf.f1(), cuspBase, f1.semiThickness(), LEAST,
					term);
			term = cusp(factors, virtual, real, F1_TOP, term, f2.semiThickness());
			layer(factors, virtual, real, F1_TOP + CUSP, Ionogram.FREQUENCIES, muf.f2(), real[F1_TOP],
					f2.semiThickness(), LEAST, term);
		}
		else {
			layer(factors, virtual, real, E_TOP + CUSP, Ionogram.FREQUENCIES, muf.f2(), cuspBase, f2.semiThickness(),
					LEAST_F2_ALONE, term);
		}
		for (int i = 0; i < factors.length; i++) {
			factors[i] = Math.max(0., factors[i]);
		}
		return new DeviativeLoss(factors);
	}

	/**
	 * The two frequencies above a cusp, their term carried on from below, measured against the third's excess (whose
	 * own factor stays 0).
	 *
	 * @return the last term
	 */
	private static double cusp(double[] factors, double[] virtual, double[] real, int from, double carried,
			double semiThickness) {
		double excess = virtual[from + 2] - real[from + 2];
		double term = carried;
		for (int i = from; i < from + 2; i++) {
			term = Math.max(LEAST, carried * collisions(real[i], real[from], semiThickness));
			factors[i] = term * (virtual[i] - real[i] - excess);
		}
		return term;
	}

	/**
	 * A layer's frequencies above the cusp: a factor for those reflected above the MUF's true height.
	 *
	 * @return the last term found (the carried one if none)
	 */
	private static double layer(double[] factors, double[] virtual, double[] real, int from, int to, LayerMuf muf,
			double base, double semiThickness, double least, double carried) {
		double excess = muf.virtualHeight() - muf.trueHeight();
		double term = carried;
		for (int i = from; i < to; i++) {
			if (real[i] > muf.trueHeight()) {
				term = Math.max(least, F_SCALE * collisions(real[i], base, semiThickness));
				factors[i] = term * (virtual[i] - real[i] - excess);
			}
		}
		return term;
	}

	private static double collisions(double height, double base, double semiThickness) {
		return Math.exp(Math.max(LEAST_EXPONENT, -2. * (height - base) / semiThickness));
	}

}

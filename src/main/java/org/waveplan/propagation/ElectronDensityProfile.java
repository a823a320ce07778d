package org.waveplan.propagation;

/**
 * A sample area's electron density profile as VOACAP builds it for the MUF (LECDEN): the square of the plasma
 * frequency at 50 heights from 70 km up to the F2 peak, the largest of an exponential D-E tail below E's nose, the
 * parabolic E layer, a linear valley from E's upper side to F2's lower side, the F1 layer (parabolic, or linear when
 * F2 would cover its peak) and the parabolic F2 layer. Its {@link #reflection(double) reflection} is VOACAP's GETHP:
 * the true height where a vertical wave of a frequency is reflected and its virtual height by 20-point Gaussian
 * integration of the group refractive index.
 */
final class ElectronDensityProfile {

	private static final int HEIGHTS = 50;

	/** Abscissas and weights of VOACAP's 20-point Gauss-Legendre rule (BLKDAT's XT and WT), one side of 0. */
	private static final double[] ABSCISSAS = { 0.0387724175, 0.1160840707, 0.1926975807, 0.2681521850, 0.3419940908,
			0.4137792043, 0.4830758017, 0.5494671251, 0.6125538897, 0.6719566846, 0.7273182552, 0.7783056514,
			0.8246122308, 0.8659595032, 0.9020988070, 0.9328128083, 0.9579168192, 0.9772599500, 0.9907262387,
			0.9982377097 };

	private static final double[] WEIGHTS = { 0.0775059480, 0.0770398182, 0.0761103619, 0.0747231691, 0.0728865824,
			0.0706116474, 0.0679120458, 0.0648040135, 0.0613062425, 0.0574397691, 0.0532278470, 0.0486958076,
			0.0438709082, 0.0387821680, 0.0334601953, 0.0279370070, 0.0222458492, 0.0164210584, 0.0104982845,
			0.0045212771 };

	/** The D region's bottom, km. */
	private static final double D_BOTTOM = 70;

	/** Where E's parabola gives way to the exponential tail below it, in E's semi-thicknesses below its peak. */
	private static final double TAIL = .85;

	/** The valley runs from E's upper side where the frequency is this share of foE ... */
	private static final double VALLEY_LOW = .8516;

	/** ... to F2's lower side where it is this share of foE / foF2. */
	private static final double VALLEY_HIGH = 0.98;

	private final double[] heights = new double[HEIGHTS];

	private final double[] plasma = new double[HEIGHTS];

	private final Layer f1;

	ElectronDensityProfile(SampleArea area) {
		Layer e = area.e();
		Layer f2 = area.f2();
		double hmE = e.height();
		double ymE = e.semiThickness();
		double hmF2 = f2.height();
		double ymF2 = f2.semiThickness();
		double hmF1 = area.f1().height();
		double ymF1 = area.f1().semiThickness();
		double foF1 = area.f1().criticalFrequency();

		double lowRatio = VALLEY_LOW;
		double highRatio = VALLEY_HIGH * e.criticalFrequency() / f2.criticalFrequency();
		double valleyLow = hmE - ymE + ymE * (1 + Math.sqrt(1 - lowRatio * lowRatio));
		double eTop = hmE + ymE;
		double f2Base = hmF2 - ymF2;
		double fcE = e.criticalFrequency() * e.criticalFrequency();
		double fcF2 = f2.criticalFrequency() * f2.criticalFrequency();
		double valleyHigh = f2Base + ymF2 * (1 - Math.sqrt(1 - highRatio * highRatio));
		double valleyHighSquare = highRatio * highRatio * fcF2;
		double valleyLowSquare = lowRatio * lowRatio * fcE;
		double valleySlope = valleyHigh > valleyLow
				? (valleyHighSquare - valleyLowSquare) / (valleyHigh - valleyLow) : 0;

		// F1 where F2's lower side reaches F1's critical frequency below F1's peak: a linear F1 up to there
		boolean linear = false;
		double fcF1 = 0;
		double f1Slope = 0;
		double f1Top = 0;
		if (foF1 > 0) {
			fcF1 = foF1 * foF1;
			double f1Base = hmF1 - ymF1;
			f1Top = hmF1 + ymF1;
			double f2AtF1 = f2Base + ymF2 * (1 - Math.sqrt(1 - fcF1 / fcF2));
			if (f2AtF1 <= hmF1 + .001) {
				double ys = Math.max(1., f2AtF1 - f1Base);
				f1Slope = fcF1 / ys;
				hmF1 = f2AtF1;
				ymF1 = ys;
				if (f2Base < f1Base) {
					// no spurious layer
					ymF1 = Math.min(hmF1 - f2Base, hmF1 - hmE + 1.);
				}
				else {
					linear = true;
					double ratio = e.criticalFrequency() / foF1;
					// the F1 line does not hide the E layer
					double ceiling = (hmF1 - hmE) / Math.max(.17, 1. - ratio * ratio);
					if (ys >= ceiling) {
						ymF1 = ceiling;
						f1Slope = fcF1 / ceiling;
					}
					f1Top = f2AtF1;
				}
			}
			else {
				ymF1 = Math.min(ymF1, hmF1 - hmE + 1.);
			}
		}
		this.f1 = foF1 > 0 ? new Layer(foF1, hmF1, ymF1) : Layer.NONE;

		// the D-E tail's slope matches the parabola's at its top
		double tailTop = hmE - TAIL * ymE;
		double tailSquare = 1. - TAIL * TAIL;
		double alpha = 2. * (hmE - tailTop) / (tailSquare * ymE * ymE);
		double tailBottom = tailSquare * Math.exp(-alpha * (tailTop - D_BOTTOM));

		double[] h = heights;
		h[0] = D_BOTTOM;
		h[4] = tailTop;
		double step = Math.max(0., (h[4] - h[0]) * .25);
		h[3] = h[4] - Math.min(1.0, step);
		h[1] = h[0] + step;
		h[2] = (h[1] + h[3]) * 0.5;
		h[10] = hmE;
		step = (h[10] - h[4]) / 6.;
		for (int i = 5; i <= 9; i++) {
			h[i] = h[i - 1] + step;
		}
		h[16] = hmE + ymE;
		step = (h[16] - h[10]) / 6.;
		for (int i = 11; i <= 15; i++) {
			h[i] = h[i - 1] + step;
		}
		h[10] = 0.5 * (h[9] + h[11]);
		h[49] = hmF2;
		if (foF1 > 0 && f2Base > hmF1 - ymF1 + .00001) {
			h[17] = Math.max(hmF1 - ymF1, h[16] + 1.);
			h[27] = hmF1;
			step = (h[27] - h[17]) / 10.;
			for (int i = 18; i <= 26; i++) {
				h[i] = h[i - 1] + step;
			}
			step = (h[49] - h[27]) / 22.;
			for (int i = 28; i <= 48; i++) {
				h[i] = h[i - 1] + step;
			}
		}
		else {
			h[17] = f2Base;
			step = (h[49] - h[17]) / 32.;
			for (int i = 18; i <= 48; i++) {
				h[i] = h[i - 1] + step;
			}
		}

		// F1 is kept above the E layer's peak
		double f1Bottom = Math.max(hmE, hmF1 - ymF1);
		for (int i = 0; i < HEIGHTS; i++) {
			double height = h[i];
			double d = 0;
			double layerE = 0;
			double valley = 0;
			double layerF1 = 0;
			double layerF2 = 0;
			if (height > valleyLow && height < valleyHigh) {
				valley = valleyHighSquare + valleySlope * (height - valleyHigh);
			}
			if (height < tailTop) {
				d = fcE * tailBottom * Math.exp(alpha * (height - D_BOTTOM));
			}
			else if (height <= eTop) {
				double z = (height - hmE) / ymE;
				layerE = fcE * (1. - z * z);
			}
			if (foF1 > 0 && height >= f1Bottom && height <= f1Top) {
				if (linear) {
					layerF1 = f1Slope * (height - (hmF1 - ymF1));
				}
				else {
					double z = (height - hmF1) / ymF1;
					layerF1 = fcF1 * (1.0 - z * z);
				}
			}
			if (height >= f2Base) {
				double z = (height - hmF2) / ymF2;
				layerF2 = fcF2 * (1.0 - z * z);
			}
			plasma[i] = Math.max(Math.max(Math.max(d, layerE), Math.max(valley, layerF1)), layerF2);
		}
	}

	/** The F1 layer as the profile has it: where F2 covers F1's peak, F1 ends where F2 reaches foF1 (LECDEN). */
	Layer f1() {
		return f1;
	}

	/** GETHP: where a vertical wave of a frequency (MHz) is reflected. */
	Reflection reflection(double frequency) {
		double square = frequency * frequency;
		double bottom = heights[0];
		if (square <= plasma[0]) {
			return new Reflection(bottom, bottom);
		}
		double trueHeight = trueHeight(square) - bottom;
		double sum = 0;
		for (int i = 0; i < ABSCISSAS.length; i++) {
			// 1 - x and 1 + x mapped linearly onto (0, true height)
			double below = bottom + trueHeight * (1. - 0.5 * (1.0 - ABSCISSAS[i]));
			double above = bottom + trueHeight * (1. - 0.5 * (1.0 + ABSCISSAS[i]));
			sum += WEIGHTS[i] * (groupIndex(plasmaAt(below) / square) + groupIndex(plasmaAt(above) / square));
		}
		return new Reflection(bottom + trueHeight * 0.5 * sum, bottom + trueHeight);
	}

	private static double groupIndex(double ratio) {
		return 1. / Math.sqrt(1. - Math.min(ratio, 0.9999));
	}

	/** The first height where the profile reaches a plasma frequency squared, interpolated. */
	private double trueHeight(double square) {
		for (int i = 0; i < HEIGHTS - 1; i++) {
			double low = plasma[i];
			double high = plasma[i + 1];
			if (low == high) {
				if (square == low) {
					return heights[i];
				}
			}
			else if (low < high ? low > square || square < high : low >= square && square > high) {
				return heights[i] + (square - low) * (heights[i + 1] - heights[i]) / (high - low);
			}
		}
		return heights[HEIGHTS - 1];
	}

	/** The plasma frequency squared at a height, interpolated between the profile's heights. */
	private double plasmaAt(double height) {
		if (height <= heights[0]) {
			return plasma[0];
		}
		for (int i = 0; i < HEIGHTS - 1; i++) {
			double low = heights[i];
			double high = heights[i + 1];
			if (low == high) {
				if (height == low) {
					return plasma[i];
				}
			}
			else if (low < high ? low > height || height < high : low >= height && height > high) {
				return plasma[i] + (height - low) * (plasma[i + 1] - plasma[i]) / (high - low);
			}
		}
		return plasma[HEIGHTS - 1];
	}

	/**
	 * A reflection: the virtual height (of the group path) and the true height, km.
	 */
	record Reflection(double virtualHeight, double trueHeight) {
	}

}

package org.waveplan.propagation;

/**
 * Atmospheric noise at a receiver (VOACAP's ANOIS1 and GENFAM): the month's six maps of its 1 MHz median (CCIR
 * Report 322, one per 4-hour block of local time), carried to the frequency by the block's curve, with the block's
 * deciles and prediction errors, interpolated linearly between the block of the local time and the next nearer one.
 */
final class AtmosphericNoise {

	private static final int BLOCKS = 6;

	/** FAM(14,12): per block (southern hemisphere's in columns 7-12) the frequency curve's two polynomials. */
	private final double[] curves;

	/** DUD(5,12,5): per block the quartic in log10(frequency) of the deciles and the errors. */
	private final double[] deciles;

	/** The 1 MHz median of each time block at the receiver, dB above kTb. */
	private final double[] atOneMHz = new double[BLOCKS];

	private final boolean south;

	/**
	 * @param latitude the receiver's, radians
	 * @param longitude the receiver's, radians, east positive
	 */
	AtmosphericNoise(MonthCoefficients month, double latitude, double longitude) {
		CoefficientFile file = month.file();
		this.curves = file.block("FAM");
		this.deciles = file.block("DUD");
		this.south = latitude < 0;
		double[] maps = file.block("FAKP");
		double[] normalizing = file.block("FAKABP");
		double east = longitude < 0 ? 360. + Math.toDegrees(longitude) : Math.toDegrees(longitude);
		for (int block = 0; block < BLOCKS; block++) {
			atOneMHz[block] = FourierMap.of(maps, block, normalizing[2 * block], normalizing[2 * block + 1], 29, 15)
				.value(Math.toDegrees(latitude), east);
		}
	}

	/**
	 * The noise at a local time (hours, [0, 24]) and frequency (MHz; above 55 MHz the 55 MHz value): the time's
	 * block (0-4 h is the first, from 22 h the sixth) and the neighbouring block on the side of the time from the
	 * block's middle, weighted by the distance from that middle.
	 */
	NoiseSource at(double localTime, double frequency) {
		double f = Math.min(frequency, 55.);
		int block = localTime >= 22. ? 6 : (int) (localTime / 4. + 1.);
		double middle = 4 * block - 2;
		int other = localTime < middle ? block - 1 : localTime == middle ? block : block + 1;
		other = other <= 0 ? BLOCKS : other > BLOCKS ? 1 : other;
		NoiseSource here = inBlock(block, f);
		NoiseSource there = inBlock(other, f);
		double weight = Math.abs(localTime - middle) / 4.;
		return new NoiseSource(between(here.median(), there.median(), weight),
				between(here.upperDecile(), there.upperDecile(), weight),
				between(here.lowerDecile(), there.lowerDecile(), weight),
				between(here.medianError(), there.medianError(), weight),
				between(here.upperError(), there.upperError(), weight),
				between(here.lowerError(), there.lowerError(), weight));
	}

	private static double between(double a, double b, double weight) {
		return a + (b - a) * weight;
	}

	/** GENFAM: the 1-based block's median at the frequency, deciles and errors. */
	private NoiseSource inBlock(int block, double frequency) {
		int column = (south ? block + BLOCKS : block) - 1;
		double z = atOneMHz[block - 1];
		double x = Math.log10(frequency);
		// the curve is normalized so that the 1 MHz value (u = -0.75) comes out as the map's
		double[] atOne = curve(column, -.75);
		double c = z + z - (z * atOne[0] + atOne[1]);
		double[] atF = curve(column, (8. * Math.pow(2., x) - 11.) / 4.);
		double median = c * atF[0] + atF[1];
		// Report 322's decile curves end at 20 MHz, the median error's at 10 MHz
		double xDeciles = frequency > 20. ? Math.log10(20.) : x;
		double xError = frequency > 10. ? 1. : xDeciles;
		return new NoiseSource(median, quartic(column, 0, xDeciles), quartic(column, 1, xDeciles),
				quartic(column, 4, xError), quartic(column, 2, xDeciles), quartic(column, 3, xDeciles));
	}

	private double[] curve(int column, double u) {
		int base = column * 14;
		double pz = u * curves[base] + curves[base + 1];
		double px = u * curves[base + 7] + curves[base + 8];
		for (int i = 2; i < 7; i++) {
			pz = u * pz + curves[base + i];
			px = u * px + curves[base + i + 7];
		}
		return new double[] { pz, px };
	}

	/** DUD(., column, quantity): 0 upper decile, 1 lower, 2 and 3 their errors, 4 the median's error. */
	private double quartic(int column, int quantity, double x) {
		int base = 5 * (column + 12 * quantity);
		double y = deciles[base];
		for (int j = 1; j < 5; j++) {
			y = y * x + deciles[base + j];
		}
		return y;
	}

}

package org.waveplan.propagation;

/**
 * A CCIR numerical map (Jones and Gallet) of one month at one sunspot number: a Fourier series in universal time
 * whose coefficients are a series of geographic functions, powers of sin(x) (x the modified dip, or the latitude for
 * foE) and cos(latitude)^j times cos and sin of j times the east longitude. VOACAP's VIRTIM and VERSY.
 *
 * @param layout the map's {@code IKIM} column: [0] the highest power of sin(x); [1..8] the index of the last
 *     function of longitude harmonic 1..8; [8] is also the number of functions less one; [9] the number of time
 *     harmonics
 * @param coefficients per geographic function (a column), the constant, then the sin and the cos coefficient of
 *     each time harmonic in turn (column-major, as in the file)
 */
record NumericalMap(int[] layout, double[] coefficients) {

	/**
	 * The map at a sunspot number, from its two sets of coefficients in the file (X(rows, functions, 2): the first
	 * at {@code lowSsn}, the second at {@code highSsn}), interpolated linearly and extrapolated beyond, as REDMAP
	 * does.
	 */
	static NumericalMap atSunspots(int[] layout, double[] pair, double lowSsn, double highSsn, double ssn) {
		int size = rows(layout) * functions(layout);
		if (pair.length != 2 * size) {
			throw new IllegalArgumentException("a map of " + functions(layout) + " functions and " + layout[9]
					+ " time harmonics at two sunspot numbers needs " + 2 * size + " coefficients, not " + pair.length);
		}
		return new NumericalMap(layout, atSunspots(pair, lowSsn, highSsn, ssn));
	}

	/** Two equal sets of coefficients, at {@code lowSsn} then at {@code highSsn}, at another sunspot number. */
	static double[] atSunspots(double[] pair, double lowSsn, double highSsn, double ssn) {
		int size = pair.length / 2;
		double high = (ssn - lowSsn) / (highSsn - lowSsn);
		double[] coefficients = new double[size];
		for (int i = 0; i < size; i++) {
			coefficients[i] = pair[i] * (1 - high) + pair[size + i] * high;
		}
		return coefficients;
	}

	private static int rows(int[] layout) {
		return 1 + 2 * layout[9];
	}

	private static int functions(int[] layout) {
		return layout[8] + 1;
	}

	int functions() {
		return functions(layout);
	}

	/** The coefficients of the geographic functions at a universal time in hours (VIRTIM). */
	double[] atUniversalTime(double hours) {
		int harmonics = layout[9];
		int rows = rows(layout);
		double time = Math.toRadians(15 * hours - 180);
		double[] sin = new double[harmonics + 1];
		double[] cos = new double[harmonics + 1];
		for (int k = 1; k <= harmonics; k++) {
			sin[k] = Math.sin(k * time);
			cos[k] = Math.cos(k * time);
		}
		double[] result = new double[functions()];
		for (int j = 0; j < result.length; j++) {
			int column = j * rows;
			double sum = coefficients[column];
			for (int k = 1; k <= harmonics; k++) {
				sum += sin[k] * coefficients[column + 2 * k - 1] + cos[k] * coefficients[column + 2 * k];
			}
			result[j] = sum;
		}
		return result;
	}

	/** The map's value from the coefficients of an hour and the geographic functions of a place (VERSY). */
	static double value(double[] atHour, double[] functions) {
		double sum = 0;
		for (int j = 0; j < functions.length; j++) {
			sum += atHour[j] * functions[j];
		}
		return sum;
	}

	/**
	 * The geographic functions at a place: 1, sin(x)^k, then per longitude harmonic j cos(lat)^j (cos, sin)(j lon)
	 * sin(x)^k. They do not change with the hour.
	 *
	 * @param x the modified dip (or for foE the geographic latitude), radians
	 * @param latitude geographic latitude, radians
	 * @param longitude geographic longitude, radians, east positive
	 */
	double[] functionsAt(double x, double latitude, double longitude) {
		double[] g = new double[functions()];
		double sx = Math.sin(x);
		g[0] = 1;
		for (int k = 1; k <= layout[0]; k++) {
			g[k] = sx * g[k - 1];
		}
		double cosLatitude = Math.cos(latitude);
		double cx = 1;
		for (int j = 1; j <= 8; j++) {
			int start = layout[j - 1];
			int end = layout[j];
			if (end == start) {
				break;
			}
			cx *= cosLatitude;
			g[start + 1] = cx * Math.cos(j * longitude);
			g[start + 2] = cx * Math.sin(j * longitude);
			for (int i = start + 3; i < end; i += 2) {
				g[i] = sx * g[i - 2];
				g[i + 1] = sx * g[i - 1];
			}
		}
		return g;
	}

}

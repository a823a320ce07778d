package org.waveplan.propagation;

/**
 * A map as a double Fourier series in longitude and latitude (VOACAP's NOISY): the atmospheric noise maps, the land
 * map and the map of the F2 layer's ratio of height to semi-thickness. Sines of multiples of half the longitude give
 * a series per latitude harmonic, whose sines of multiples of (latitude + 90 degrees) give the value, plus a linear
 * term in that angle.
 *
 * @param p the P(29,16) array of the file, column-major: column k (k < 15) the coefficients of sin(k half-longitudes)
 *     per latitude harmonic, column 15 the constants
 * @param alpha the constant normalizing term
 * @param beta the linear normalizing term
 * @param latitudeHarmonics how many latitude harmonics the map uses (29, or 15 for the ratio map)
 * @param longitudeHarmonics how many longitude harmonics (15, or 10 for the ratio map)
 */
record FourierMap(double[] p, double alpha, double beta, int latitudeHarmonics, int longitudeHarmonics) {

	private static final int ROWS = 29;

	private static final int COLUMNS = 16;

	/** The map number {@code index} (0-based) of a P(29,16,n) array in the file. */
	static FourierMap of(double[] maps, int index, double alpha, double beta, int latitudeHarmonics,
			int longitudeHarmonics) {
		double[] p = new double[ROWS * COLUMNS];
		System.arraycopy(maps, index * p.length, p, 0, p.length);
		return new FourierMap(p, alpha, beta, latitudeHarmonics, longitudeHarmonics);
	}

	/**
	 * The value at a point.
	 *
	 * @param latitude the map's first argument, degrees (for the ratio map: geomagnetic latitude less 45)
	 * @param longitude the second, degrees (east longitude; for the ratio map a function of the zenith angle)
	 */
	double value(double latitude, double longitude) {
		double halfLongitude = Math.toRadians(longitude) / 2;
		double[] sines = new double[longitudeHarmonics + 1];
		for (int k = 1; k <= longitudeHarmonics; k++) {
			sines[k] = Math.sin(k * halfLongitude);
		}
		double angle = Math.toRadians(latitude + 90);
		double sum = 0;
		for (int j = 0; j < latitudeHarmonics; j++) {
			double series = p[(COLUMNS - 1) * ROWS + j];
			for (int k = 1; k <= longitudeHarmonics; k++) {
				series += sines[k] * p[(k - 1) * ROWS + j];
			}
			sum += Math.sin((j + 1) * angle) * series;
		}
		return sum + alpha + beta * angle;
	}

}

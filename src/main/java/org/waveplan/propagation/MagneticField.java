package org.waveplan.propagation;

/**
 * The earth's magnetic field 300 km up, as VOACAP takes it (MAGFIN, MAGVAR): the Jensen and Cain spherical
 * harmonic model for epoch 1960 to degree and order 6 (J. Geophys. Res. 67 (9), 1962; NASA TM X-55105), not a
 * dipole. {@code gyrofrequency} in MHz (2.8 MHz a gauss); {@code modifiedDip} is Rawer's modified dip, radians,
 * atan(dip / sqrt(cos latitude)), the coordinate of the CCIR foF2 and M(3000)F2 maps.
 */
record MagneticField(double gyrofrequency, double modifiedDip) {

	private static final double EARTH_RADIUS_M = 6371200.;

	private static final double HEIGHT_M = 300000.;

	/** The largest latitude evaluated (89.9 degrees): at the pole itself the east component is undefined. */
	private static final double MAX_LATITUDE = 1.56905124;

	// Schmidt-normalised Gauss coefficients, gauss, [n][m] for degree n = 1..6 (index n, order m = 0..n)
	private static final double[][] G = {
			{},
			{ .304112, .021474 },
			{ .024035, -.051253, -.013381 },
			{ -.031518, .062130, -.024898, -.006496 },
			{ -.041794, -.045298, -.021795, .007008, -.002044 },
			{ .016256, -.034407, -.019447, -.000608, .002775, .000697 },
			{ -.019523, -.004853, .003212, .021413, .001051, .000227, .001115 } };

	private static final double[][] H = {
			{},
			{ 0., -.057989 },
			{ 0., .033124, -.001579 },
			{ 0., .014870, -.004075, .00021 },
			{ 0., -.011825, .010006, .00043, .001385 },
			{ 0., -.000796, -.002, .004597, .002421, -.001218 },
			{ 0., -.005758, -.008735, -.003406, -.000118, -.001116, -.000325 } };

	// the recursion's constants ((n-1)^2 - m^2) / ((2n-1)(2n-3)) as MAGFIN tabulates them, [n][m]
	private static final double[][] CT = {
			{},
			{ 0., 0. },
			{ .33333333, 0., 0. },
			{ .26666667, .2, 0., 0. },
			{ .25714286, .22857142, .14285714, 0., 0. },
			{ .25396825, .23809523, .19047619, .11111111, 0., 0. },
			{ .25252525, .24242424, .21212121, .16161616, .09090909, 0., 0. } };

	/**
	 * The field at a point: latitude north positive and longitude east (either sign), radians.
	 */
	static MagneticField at(double latitude, double longitude) {
		double lat = latitude;
		double lon = longitude;
		if (lat > MAX_LATITUDE || lat < -MAX_LATITUDE) {
			lat = Math.copySign(MAX_LATITUDE, lat);
			lon = 0;
		}
		double ar = EARTH_RADIUS_M / (EARTH_RADIUS_M + HEIGHT_M);
		double c = Math.sin(lat);
		double s = Math.sqrt(1. - c * c);
		double[] sinM = new double[7];
		double[] cosM = new double[7];
		cosM[0] = 1.;
		for (int m = 1; m <= 6; m++) {
			sinM[m] = Math.sin(m * lon);
			cosM[m] = Math.cos(m * lon);
		}
		// Legendre functions p[n][m] and their derivatives by colatitude, built up degree by degree
		double[][] p = new double[7][7];
		double[][] dp = new double[7][7];
		p[0][0] = 1.;
		double vertical = 0;
		double north = 0;
		double east = 0;
		double aor = ar * ar;
		for (int n = 1; n <= 6; n++) {
			aor *= ar;
			double sumR = 0;
			double sumT = 0;
			double sumP = 0;
			for (int m = 0; m <= n; m++) {
				if (m == n) {
					p[n][n] = s * p[n - 1][n - 1];
					dp[n][n] = s * dp[n - 1][n - 1] + c * p[n - 1][n - 1];
				}
				else if (n == 1) {
					p[1][0] = c;
					dp[1][0] = -s;
				}
				else {
					p[n][m] = c * p[n - 1][m] - CT[n][m] * p[n - 2][m];
					dp[n][m] = c * dp[n - 1][m] - s * p[n - 1][m] - CT[n][m] * dp[n - 2][m];
				}
				double ts = G[n][m] * cosM[m] + H[n][m] * sinM[m];
				sumR += p[n][m] * ts;
				sumT += dp[n][m] * ts;
				sumP += m * p[n][m] * (-G[n][m] * sinM[m] + H[n][m] * cosM[m]);
			}
			vertical += aor * (n + 1) * sumR;
			north -= aor * sumT;
			east -= aor * sumP;
		}
		double up = -vertical;
		double eastward = -east / s;
		double horizontal = north * north + eastward * eastward;
		double total = Math.sqrt(up * up + horizontal);
		double cosLat = Math.cos(latitude);
		if (cosLat <= .000001) {
			cosLat = .000001;
		}
		double dip = Math.atan(-up / Math.sqrt(horizontal));
		return new MagneticField(2.8 * total, Math.atan(dip / Math.sqrt(cosLat)));
	}

}

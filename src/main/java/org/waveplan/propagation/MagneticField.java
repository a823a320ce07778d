package org.waveplan.propagation;

/**
 * The Earth's magnetic field as VOACAP takes it (MAGFIN, MAGVAR): the Jensen and Cain spherical harmonic model of
 * epoch 1960 to degree and order 6, at 300 km, giving the modified dip that the numerical maps use and the
 * gyrofrequency.
 */
final class MagneticField {

	private static final int N = 7;

	private static final double EARTH_RADIUS_M = 6371200;

	private static final double HEIGHT_M = 300_000;

	/** The model is evaluated no nearer the poles than this latitude (about 89.9 degrees). */
	private static final double POLE_LIMIT = 1.56905124;

	// the model's arrays (n, m) with n, m from 1 (degree and order + 1), column-major as in MAGFIN's DATA
	private static final double[] CT = {
			0, 0, .33333333, .26666667, .25714286, .25396825, .25252525,
			0, 0, 0, .2, .22857142, .23809523, .24242424,
			0, 0, 0, 0, .14285714, .19047619, .21212121,
			0, 0, 0, 0, 0, .11111111, .16161616,
			0, 0, 0, 0, 0, 0, .09090909,
			0, 0, 0, 0, 0, 0, 0,
			0, 0, 0, 0, 0, 0, 0 };

	private static final double[] G = {
			0, .304112, .024035, -.031518, -.041794, .016256, -.019523,
			0, .021474, -.051253, .062130, -.045298, -.034407, -.004853,
			0, 0, -.013381, -.024898, -.021795, -.019447, .003212,
			0, 0, 0, -.006496, .007008, -.000608, .021413,
			0, 0, 0, 0, -.002044, .002775, .001051,
			0, 0, 0, 0, 0, .000697, .000227,
			0, 0, 0, 0, 0, 0, .001115 };

	private static final double[] H = {
			0, 0, 0, 0, 0, 0, 0,
			0, -.057989, .033124, .014870, -.011825, -.000796, -.005758,
			0, 0, -.001579, -.004075, .010006, -.002, -.008735,
			0, 0, 0, .00021, .00043, .004597, -.003406,
			0, 0, 0, 0, .001385, .002421, -.000118,
			0, 0, 0, 0, 0, -.001218, -.001116,
			0, 0, 0, 0, 0, 0, -.000325 };

	private MagneticField() {
	}

	/** The modified dip and gyrofrequency at a point (radians, east longitude positive). */
	static MagneticDip at(double latitude, double longitude) {
		double[] field = field(latitude, longitude);
		double up = field[0];
		double horizontal = Math.sqrt(field[1] * field[1] + field[2] * field[2]);
		double strength = Math.sqrt(up * up + horizontal * horizontal);
		double cosLatitude = Math.max(Math.cos(latitude), 1e-6);
		double dip = Math.atan(-up / horizontal);
		return new MagneticDip(Math.atan(dip / Math.sqrt(cosLatitude)), 2.8 * strength);
	}

	/** The field in gauss at 300 km: up, north and east components. */
	private static double[] field(double latitude, double longitude) {
		if (latitude > POLE_LIMIT || latitude < -POLE_LIMIT) {
			latitude = Math.copySign(POLE_LIMIT, latitude);
			longitude = 0;
		}
		double ar = EARTH_RADIUS_M / (EARTH_RADIUS_M + HEIGHT_M);
		double c = Math.sin(latitude);
		double s = Math.sqrt(1 - c * c);
		double[] sp = new double[N + 1];
		double[] cp = new double[N + 1];
		double[] aor = new double[N + 1];
		sp[1] = 0;
		cp[1] = 1;
		sp[2] = Math.sin(longitude);
		cp[2] = Math.cos(longitude);
		aor[1] = ar * ar;
		aor[2] = aor[1] * ar;
		for (int m = 3; m <= N; m++) {
			sp[m] = sp[2] * cp[m - 1] + cp[2] * sp[m - 1];
			cp[m] = cp[2] * cp[m - 1] - sp[2] * sp[m - 1];
			aor[m] = ar * aor[m - 1];
		}
		double[][] p = new double[N + 1][N + 1];
		double[][] dp = new double[N + 1][N + 1];
		p[1][1] = 1;
		double bv = 0;
		double bn = 0;
		double bphi = 0;
		for (int n = 2; n <= N; n++) {
			double sumR = 0;
			double sumT = 0;
			double sumP = 0;
			for (int m = 1; m <= n; m++) {
				if (n == m) {
					p[n][n] = s * p[n - 1][n - 1];
					dp[n][n] = s * dp[n - 1][n - 1] + c * p[n - 1][n - 1];
				}
				else if (n == 2) {
					p[2][1] = c;
					dp[2][1] = -s;
				}
				else {
					p[n][m] = c * p[n - 1][m] - ct(n, m) * p[n - 2][m];
					dp[n][m] = c * dp[n - 1][m] - s * p[n - 1][m] - ct(n, m) * dp[n - 2][m];
				}
				double ts = g(n, m) * cp[m] + h(n, m) * sp[m];
				sumR += p[n][m] * ts;
				sumT += dp[n][m] * ts;
				sumP += (m - 1) * p[n][m] * (-g(n, m) * sp[m] + h(n, m) * cp[m]);
			}
			bv += aor[n] * n * sumR;
			bn -= aor[n] * sumT;
			bphi -= aor[n] * sumP;
		}
		return new double[] { -bv, bn, -bphi / s };
	}

	private static double ct(int n, int m) {
		return CT[(m - 1) * N + n - 1];
	}

	private static double g(int n, int m) {
		return G[(m - 1) * N + n - 1];
	}

	private static double h(int n, int m) {
		return H[(m - 1) * N + n - 1];
	}

}

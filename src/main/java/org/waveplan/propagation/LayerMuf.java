package org.waveplan.propagation;

/**
 * One layer's MUF over a circuit's hop (VOACAP's YMUF, SIGL, SIGU, DELMUF, HPMUF, HTMUF, FVMUF, NHOPMF of a layer):
 * what method 26 prints and method 30's modes start from.
 *
 * @param muf the median MUF, MHz
 * @param lowerDeviation the standard deviation of the MUF below its median, MHz
 * @param upperDeviation above it, MHz
 * @param elevation the hop's elevation angle at the MUF, degrees
 * @param virtualHeight of reflection at the MUF, km (for F1 and F2 corrected by Martyn's theorem)
 * @param trueHeight of reflection, km
 * @param verticalFrequency the equivalent vertical frequency (the tangent frequency), MHz
 * @param hops the number of hops the circuit takes by this layer at the lowest elevation angle allowed
 */
record LayerMuf(double muf, double lowerDeviation, double upperDeviation, double elevation, double virtualHeight,
		double trueHeight, double verticalFrequency, int hops) {

	LayerMuf withDeviations(double lower, double upper) {
		return new LayerMuf(muf, lower, upper, elevation, virtualHeight, trueHeight, verticalFrequency, hops);
	}

	/** The lower decile of the MUF: the optimum working frequency (FOT). */
	double fot() {
		return muf - Voacap.DECILE * lowerDeviation;
	}

	/** The upper decile: the highest possible frequency (HPF). */
	double hpf() {
		return muf + Voacap.DECILE * upperDeviation;
	}

}

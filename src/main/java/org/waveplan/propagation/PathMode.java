package org.waveplan.propagation;

/**
 * A mode as method 30 scores it (a row of VOACAP's COMMON /ZON/ and /allMODE/): by how many hops and which layers
 * the signal goes, its loss and its power at the receiver with their deciles.
 *
 * @param hops the number of hops (HN; the long-path model's may be fractional)
 * @param layer the layer, 1 E, 2 F1, 3 F2 (NMODE), at the transmitter's end on a long path
 * @param receiveLayer the layer at the receiver's end (the same on a short path)
 * @param takeOff the take-off angle, degrees (B)
 * @param receiveTakeOff the arrival angle at the receiver, degrees (the same on a short path)
 * @param virtualHeight of reflection, km (HP); at most 70 km the mode does not count
 * @param loss the median transmission loss, dB (TLOSS)
 * @param signalPower the median signal power at the receiver, dBW (SIGPOW)
 * @param lowerDecile the signal's lower decile below its median, dB (TLLOW)
 * @param upperDecile the signal's upper decile above its median, dB (TLHGH)
 * @param mufDay the probability that the hop's MUF is above the frequency (PROB)
 */
record PathMode(double hops, int layer, int receiveLayer, double takeOff, double receiveTakeOff,
		double virtualHeight, double loss, double signalPower, double lowerDecile, double upperDecile,
		double mufDay) {

	/** VOACAP's layer names (LAYTYP). */
	static String layerName(int layer) {
		return switch (layer) {
			case 1 -> "E";
			case 2 -> "F1";
			case 3 -> "F2";
			default -> "ES";
		};
	}

}

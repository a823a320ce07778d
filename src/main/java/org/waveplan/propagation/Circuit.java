package org.waveplan.propagation;

import java.util.List;

/**
 * What a point-to-point prediction is asked for, as VOACAP's input deck gives it: the ends, the month (1-12) and its
 * sunspot number, the UTC hours (0-23) and up to 11 frequencies (2-30 MHz), the transmitter's power, and each end's
 * antenna as isotropic plus a constant gain. Checked by the caller (the API names the field that is wrong).
 *
 * @param powerKw the transmitter's power, kW
 * @param transmitGainDbi the transmitting antenna's gain, dBi, the same at every angle and frequency
 * @param receiveGainDbi likewise the receiving antenna's
 */
public record Circuit(GeoPoint transmitter, GeoPoint receiver, int month, double ssn, List<Integer> utcHours,
		List<Double> frequencies, double powerKw, double transmitGainDbi, double receiveGainDbi) {

	/** VOACAP's limit: its frequency card has 11 places. */
	public static final int MAX_FREQUENCIES = 11;

	public Circuit {
		utcHours = List.copyOf(utcHours);
		frequencies = List.copyOf(frequencies);
	}

}

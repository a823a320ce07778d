package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Point-to-point predictions by the VOACAP method, with the system VOACAP's reference runs use: man-made noise of a
 * residential area (-150 dBW/Hz at 3 MHz), 3 degrees lowest take-off angle, 73 dB-Hz required SNR, 90 % required
 * reliability. Thread-safe; the coefficient maps are read once.
 */
@Component
public class Propagation {

	static final double MAN_MADE_NOISE_AT_3MHZ = -150.;

	static final double MINIMUM_ELEVATION = 3.;

	private final CoefficientMaps coefficients = new CoefficientMaps();

	public CircuitPrediction predict(Circuit circuit) {
		PathGeometry path = PathGeometry.shortPath(circuit.transmitter(), circuit.receiver());
		PathIonosphere ionosphere = new PathIonosphere(path, circuit.month(),
				coefficients.maps(circuit.month(), circuit.ssn()));
		ReceiverNoise noise = new ReceiverNoise(coefficients.month(circuit.month()),
				circuit.receiver().latitudeRadians(), circuit.receiver().longitudeRadians(), MAN_MADE_NOISE_AT_3MHZ);
		Method30 method30 = new Method30(ionosphere, noise, circuit.powerKw(), circuit.transmitGainDbi(),
				circuit.receiveGainDbi());
		double[] frequencies = circuit.frequencies().stream().mapToDouble(Double::doubleValue).toArray();
		List<CircuitPrediction.Hour> hours = new ArrayList<>();
		for (int utcHour : circuit.utcHours()) {
			PathIonosphere.Hour hour = ionosphere.hour(utcHour, MINIMUM_ELEVATION);
			CircuitMuf muf = hour.muf();
			hours.add(new CircuitPrediction.Hour(utcHour, muf.muf(), muf.fot(), muf.hpf(),
					method30.at(utcHour, hour, frequencies)));
		}
		return new CircuitPrediction(path.distanceKm(), hours);
	}

}

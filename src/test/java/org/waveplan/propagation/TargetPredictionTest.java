package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** What a target's points make together, from predictions made by hand. */
class TargetPredictionTest {

	@Test
	void overTheHoursAPointsReliabilityIsTheMeanOfItsHoursAndTheTargetsTheMedianAndTheWorstPoint() {
		TargetPrediction target = new TargetPrediction(List.of(point(0.9, 0.7), point(0.2, 0.4), point(1.0, 0.0),
				point(0.5, 0.5)), List.of());
		// means 0.8, 0.3, 0.5, 0.5: the median of four is the mean of the middle two
		TargetPrediction.Frequency overall = target.overall(9.5);
		assertThat(overall.medianReliability()).isCloseTo(0.5, within(1e-12));
		assertThat(overall.worstReliability()).isCloseTo(0.3, within(1e-12));
		// SNR of every point and hour: 8 values 90,70,20,40,100,0,50,50 -> middle two 50, 50
		assertThat(overall.medianSnrDb()).isCloseTo(50.0, within(1e-9));
		assertThatIllegalArgumentException().isThrownBy(() -> target.overall(11.7)).withMessageContaining("11.7 MHz");
		assertThat(TargetPrediction.median(new double[] { 3, 1, 2 })).isEqualTo(2.0);
		// no mode, no SNR: the lowest; a median on one is none
		assertThat(TargetPrediction.medianSnr(Arrays.asList(null, 10.0, 20.0))).isEqualTo(10.0);
		assertThat(TargetPrediction.medianSnr(Arrays.asList(null, null, 20.0))).isNull();
	}

	@Test
	void aFrequencyWithoutAModeHasNoSnrNorSignalInJsonNorCsvNotNaN() throws Exception {
		CircuitPrediction.Hour hour = new CircuitPrediction.Hour(12, 8, 6.8, 10, List.of(
				new CircuitPrediction.Frequency(21.65, "", 0, null, null),
				new CircuitPrediction.Frequency(5.9, "1F2", 0.8, 60.0, -120.0)));
		CircuitPrediction circuit = new CircuitPrediction(5000, List.of(hour));
		TargetPrediction target = new TargetPrediction(
				List.of(new TargetPrediction.Point(new GeoPoint(39, 125), circuit)), List.of());
		CircuitController.Answer answer = new CircuitController.Answer(
				new CircuitController.Origin(null, null, null, 41.3, 69.2, 100, 0), "2027-01", 70, List.of(12),
				List.of(21.65, 5.9), List.of(new CircuitController.Receiver(null, null, null, 39, 125, 5000, List.of(hour))),
				List.of(), List.of(target.overall(21.65), target.overall(5.9)));

		String json = new ObjectMapper().writeValueAsString(answer);
		assertThat(json).doesNotContain("NaN");
		JsonNode read = new ObjectMapper().readTree(json);
		assertThat(read.at("/receivers/0/hours/0/frequencies/0/snrDb").isNull()).isTrue();
		assertThat(read.at("/receivers/0/hours/0/frequencies/0/signalDbw").isNull()).isTrue();
		assertThat(read.at("/overall/0/medianSnrDb").isNull()).isTrue();
		assertThat(read.at("/overall/1/medianSnrDb").asDouble()).isEqualTo(60.0);

		String csv = CircuitController.csv(answer);
		assertThat(csv).doesNotContain("NaN")
			.contains(",,,39.00,125.00,5000.0,12,8.00,6.80,10.00,21.650,,0.000,,\r\n")
			.contains(",5.900,1F2,0.800,60.0,-120.0\r\n");
	}

	private static TargetPrediction.Point point(double... reliabilities) {
		List<CircuitPrediction.Hour> hours = new ArrayList<>();
		for (int h = 0; h < reliabilities.length; h++) {
			hours.add(new CircuitPrediction.Hour(h, 12, 10, 14, List.of(
					new CircuitPrediction.Frequency(9.5, "1F2", reliabilities[h], reliabilities[h] * 100, -100.0))));
		}
		return new TargetPrediction.Point(new GeoPoint(39, 125), new CircuitPrediction(1000, hours));
	}

}

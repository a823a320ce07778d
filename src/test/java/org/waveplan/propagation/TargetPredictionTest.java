package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.List;

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
		// no mode, no SNR: the lowest, not (as sorting puts NaN) the highest
		assertThat(TargetPrediction.median(new double[] { Double.NaN, 10, 20 })).isEqualTo(10.0);
		assertThat(TargetPrediction.median(new double[] { Double.NaN, Double.NaN, 20 })).isNaN();
	}

	private static TargetPrediction.Point point(double... reliabilities) {
		List<CircuitPrediction.Hour> hours = new ArrayList<>();
		for (int h = 0; h < reliabilities.length; h++) {
			hours.add(new CircuitPrediction.Hour(h, 12, 10, 14, List.of(
					new CircuitPrediction.Frequency(9.5, "1F2", reliabilities[h], reliabilities[h] * 100, -100))));
		}
		return new TargetPrediction.Point(new GeoPoint(39, 125), new CircuitPrediction(1000, hours));
	}

}

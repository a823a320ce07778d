package org.waveplan.propagation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The real engine behind a target's predictions: frequencies split into engine calls of 11, circuits kept in memory. */
class TargetPredictionsTest {

	private static final GeoPoint TASHKENT = new GeoPoint(41.3, 69.2);

	private static final List<GeoPoint> TWO_POINTS = List.of(new GeoPoint(39, 125.75), new GeoPoint(42, 123));

	@Test
	void moreThanElevenFrequenciesAreSplitAndJoinedInTheirOrder() {
		TargetPredictions predictions = new TargetPredictions(new Propagation(), new PropagationProperties(32));
		List<Double> thirteen = List.of(3.95, 4.9, 6.05, 7.3, 9.65, 11.85, 13.7, 15.45, 17.7, 18.95, 21.65, 25.9, 29.0);
		TargetPrediction prediction = predictions.predict(target(thirteen, 12, 13));
		assertThat(predictions.computed()).as("two calls a point").isEqualTo(4);
		for (TargetPrediction.Point point : prediction.points()) {
			assertThat(point.prediction().hours()).hasSize(2);
			assertThat(point.prediction().hours().get(1).frequencies()).extracting(CircuitPrediction.Frequency::mhz)
				.containsExactlyElementsOf(thirteen);
		}
		assertThat(prediction.hours().get(0).frequencies()).extracting(TargetPrediction.Frequency::mhz)
			.containsExactlyElementsOf(thirteen);
	}

	@Test
	void theLeastRecentlyUsedCircuitsGoWhenTheirWeightPassesTheLimit() {
		// one circuit here: 2 hours of 1 frequency, 600 + 2 x 110 bytes; room for two
		TargetPredictions predictions = new TargetPredictions(new Propagation(), 2000);
		TargetPredictions.Target a = new TargetPredictions.Target(TASHKENT, TWO_POINTS.subList(0, 1), 1, 70,
				List.of(12, 13), List.of(9.5), 100, 0);
		TargetPredictions.Target b = new TargetPredictions.Target(TASHKENT, TWO_POINTS.subList(1, 2), 1, 70,
				List.of(12, 13), List.of(9.5), 100, 0);
		TargetPredictions.Target c = new TargetPredictions.Target(TASHKENT, TWO_POINTS.subList(0, 1), 1, 70,
				List.of(12, 13), List.of(11.7), 100, 0);
		predictions.predict(a);
		predictions.predict(b);
		assertThat(predictions.predict(a)).isEqualTo(predictions.predict(a));
		assertThat(predictions.computed()).as("a and b kept").isEqualTo(2);
		predictions.predict(c);
		assertThat(predictions.computed()).isEqualTo(3);
		predictions.predict(a);
		assertThat(predictions.computed()).as("a was used last before c").isEqualTo(3);
		predictions.predict(b);
		assertThat(predictions.computed()).as("b went for c").isEqualTo(4);
	}

	private static TargetPredictions.Target target(List<Double> frequencies, Integer... hours) {
		return new TargetPredictions.Target(TASHKENT, TWO_POINTS, 1, 70, List.of(hours), frequencies, 250, 0);
	}

}

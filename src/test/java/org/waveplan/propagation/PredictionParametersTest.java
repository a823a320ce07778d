package org.waveplan.propagation;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.waveplan.shared.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A prediction's query fields as people write them, and the reason given for each that is wrong. */
class PredictionParametersTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T23:59:00Z"), ZoneOffset.UTC);

	@Test
	void hoursAreAListOrRangesOverMidnightTooEachOnceAndAllByDefault() {
		PredictionParameters read = new PredictionParameters();
		assertThat(read.hours("hours", null)).hasSize(24).startsWith(0, 1).endsWith(23);
		assertThat(read.hours("hours", " ")).hasSize(24);
		assertThat(read.hours("hours", "0,6,12")).containsExactly(0, 6, 12);
		assertThat(read.hours("hours", "22-2")).containsExactly(22, 23, 0, 1, 2);
		assertThat(read.hours("hours", "5-5, 3 ,4-6")).containsExactly(5, 3, 4, 6);
		assertThat(read.errors()).isEmpty();
		for (String wrong : new String[] { "24", "-1", "0-24", "noon", "1,,2", "1-", "0x1" }) {
			assertThat(reason(r -> r.hours("hours", wrong))).as(wrong)
				.contains("is not a UTC hour 0-23 or a range such as 0-23 or 22-2");
		}
	}

	@Test
	void frequenciesAreUpToTheMostGivenEach2To30MhzAndEachOnce() {
		PredictionParameters read = new PredictionParameters();
		assertThat(read.frequencies("freqs", "5.9, 9.5,9.50,30,2", 11)).containsExactly(5.9, 9.5, 30.0, 2.0);
		assertThat(read.errors()).isEmpty();
		assertThat(reason(r -> r.frequencies("freqs", "2,3,4,5,6,7,8,9,10,11,12,13", 11)))
			.isEqualTo("12 frequencies: at most 11 at once");
		assertThat(reason(r -> r.frequencies("freqs", "9.5,1.99", 11))).isEqualTo("1.99 MHz is outside 2 to 30 MHz");
		assertThat(reason(r -> r.frequencies("freqs", "30.01", 11))).isEqualTo("30.01 MHz is outside 2 to 30 MHz");
		assertThat(reason(r -> r.frequencies("freqs", "NaN", 11))).isEqualTo("'NaN' is not a valid value");
		assertThat(reason(r -> r.frequencies("freqs", "9.5,", 11))).isEqualTo("'' is not a valid value");
		assertThat(reason(r -> r.frequencies("freqs", null, 11))).startsWith("give up to 11 frequencies in MHz");
	}

	@Test
	void frequenciesAreTakenToTheKilohertzSoThatCloserOnesAreOne() {
		PredictionParameters read = new PredictionParameters();
		assertThat(read.frequencies("freqs", "9.5,9.5004", 11)).containsExactly(9.5);
		assertThat(read.frequencies("freqs", "9.5006,11.7", 11)).containsExactly(9.501, 11.7);
		// eleven distinct kHz, twelve as written
		assertThat(read.frequencies("freqs", "2,3,4,5,6,7,8,9,10,11,12,12.0001", 11)).hasSize(11);
		assertThat(read.errors()).isEmpty();
	}

	@Test
	void numbersArePlainDecimals() {
		PredictionParameters read = new PredictionParameters();
		assertThat(read.ssn("ssn", "+70.5")).isEqualTo(70.5);
		assertThat(read.place("to", "-33.9,18.4")).isEqualTo(new GeoPoint(-33.9, 18.4));
		assertThat(read.errors()).isEmpty();
		for (String wrong : new String[] { "10d", "10f", "0x1.4p3", "1e2", "Infinity", ".5", "5.", "1_0", "" }) {
			assertThat(reason(r -> r.ssn("ssn", wrong.isEmpty() ? " 1 2" : wrong))).as(wrong).endsWith("is not a valid value");
			assertThat(reason(r -> r.frequencies("freqs", wrong.isEmpty() ? "9.5 " + wrong + "x" : wrong, 11))).as(wrong)
				.endsWith("is not a valid value");
			assertThat(reason(r -> r.powerKw("powerKw", wrong))).as(wrong).endsWith("is not a valid value");
		}
	}

	@Test
	void placesMonthsSunspotNumbersZonesAndPowers() {
		PredictionParameters read = new PredictionParameters();
		assertThat(read.place("to", "39.0, 125.75")).isEqualTo(new GeoPoint(39, 125.75));
		assertThat(read.month("month", null, CLOCK)).as("this month").isEqualTo(YearMonth.of(2026, 11));
		assertThat(read.month("month", "2027-01", CLOCK)).isEqualTo(YearMonth.of(2027, 1));
		assertThat(read.ssn("ssn", null)).isNull();
		assertThat(read.ssn("ssn", "0")).isEqualTo(0.0);
		assertThat(read.zone("zone", "44ne")).hasSize(5);
		assertThat(read.powerKw("powerKw", "500")).isEqualTo(500.0);
		assertThat(read.errors()).isEmpty();

		assertThat(reason(r -> r.place("to", "91,0"))).isEqualTo("latitude 91.0 is outside -90 to 90 degrees");
		assertThat(reason(r -> r.place("to", "0,180.5"))).isEqualTo("longitude 180.5 is outside -180 to 180 degrees");
		assertThat(reason(r -> r.place("to", "39"))).startsWith("'39' is not a place: give latitude,longitude");
		assertThat(reason(r -> r.month("month", "2026-13", CLOCK)))
			.isEqualTo("'2026-13' is not a month: give yyyy-MM, e.g. 2026-03");
		assertThat(reason(r -> r.ssn("ssn", "300.1"))).isEqualTo("300.1 is not a smoothed sunspot number: 0 to 300");
		assertThat(reason(r -> r.zone("zone", "86"))).contains("CIRAF zone 86 does not exist");
		assertThat(reason(r -> r.zone("zone", "44X"))).contains("is not a CIRAF zone 1-85");
		assertThat(reason(r -> r.powerKw("powerKw", "0"))).contains("is not a transmitter power");
	}

	@Test
	void everyBadFieldIsNamedInOneProblem() {
		PredictionParameters read = new PredictionParameters();
		read.place("from", "x,1");
		read.hours("hours", "25");
		read.frequencies("freqs", "40", 11);
		assertThatThrownBy(read::throwIfAny).isInstanceOfSatisfying(ProblemException.class,
				e -> assertThat(e.getMessage()).startsWith("from: 'x' is not a valid value; hours: ")
					.contains("; freqs: 40 MHz is outside 2 to 30 MHz"));
		new PredictionParameters().throwIfAny();
	}

	private static String reason(Function<PredictionParameters, Object> reading) {
		PredictionParameters read = new PredictionParameters();
		assertThat(reading.apply(read)).isNull();
		List<?> errors = read.errors();
		assertThat(errors).hasSize(1);
		return (String) read.errors().get(0).get("reason");
	}

}

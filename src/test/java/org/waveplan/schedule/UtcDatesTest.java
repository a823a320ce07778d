package org.waveplan.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates the schedule defaults to follow the clock's UTC date, not the server's zone: at 23:30 UTC
 * on the Saturday before the changeover it is Sunday in Seoul, the first day of B26.
 */
class UtcDatesTest {

	private static final Clock EVE_OF_B26 = Clock.fixed(Instant.parse("2026-10-24T23:30:00Z"),
			ZoneOffset.UTC);

	private TimeZone serverZone;

	@BeforeEach
	void farEast() {
		serverZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("Asia/Seoul"));
	}

	@AfterEach
	void back() {
		TimeZone.setDefault(serverZone);
	}

	@Test
	void aQueryWithoutDatesTakesTheSeasonInForceInUtc() {
		Period period = Period.of(null, null, EVE_OF_B26);
		assertThat(period.from()).isEqualTo(LocalDate.of(2026, 3, 29));
		assertThat(period.to()).isEqualTo(LocalDate.of(2026, 10, 25));
	}

}

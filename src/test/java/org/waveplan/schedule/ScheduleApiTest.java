package org.waveplan.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.waveplan.ApiTest;
import org.waveplan.MutableClock;

/**
 * The schedule's API tests, on a clock they set: {@code waveplan.test.now} when given (the far-zone
 * run sets one just before midnight UTC in a JVM far east of UTC), else 2026-10-20T12:00Z.
 */
@Import(MutableClock.Config.class)
abstract class ScheduleApiTest extends ApiTest {

	static final String NOW_PROPERTY = "waveplan.test.now";

	@Autowired
	protected MutableClock clock;

	@BeforeEach
	void now() {
		String now = System.getProperty(NOW_PROPERTY);
		clock.set(now == null ? Instant.parse("2026-10-20T12:00:00Z") : Instant.parse(now));
	}

	/** Today's date in UTC, which every schedule default must follow whatever the server's zone. */
	protected LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}

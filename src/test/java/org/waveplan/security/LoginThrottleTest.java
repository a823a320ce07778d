package org.waveplan.security;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.waveplan.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-10-20T12:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(clock);

	@Test
	void fiveFailuresWithinAMinuteHoldTheUserForAMinute() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("kim");
			clock.advance(Duration.ofSeconds(10));
		}
		assertThat(throttle.heldUntil("kim")).isEmpty();
		throttle.failed("KIM ");
		assertThat(throttle.heldUntil("kim")).contains(Instant.parse("2026-10-20T12:01:40Z"));
		assertThat(throttle.heldUntil("lee")).as("other users").isEmpty();
		clock.advance(Duration.ofSeconds(59));
		assertThat(throttle.heldUntil("kim")).isPresent();
		clock.advance(Duration.ofSeconds(1));
		assertThat(throttle.heldUntil("kim")).isEmpty();
		// the hold is over with a clean slate: one more failure does not hold again
		throttle.failed("kim");
		assertThat(throttle.heldUntil("kim")).isEmpty();
	}

	@Test
	void failuresSpreadOverMoreThanAMinuteOrBrokenByASuccessDoNotHold() {
		for (int i = 0; i < 10; i++) {
			throttle.failed("kim");
			clock.advance(Duration.ofSeconds(16));
		}
		assertThat(throttle.heldUntil("kim")).isEmpty();
		for (int i = 0; i < 4; i++) {
			throttle.failed("lee");
		}
		throttle.succeeded("lee");
		throttle.failed("lee");
		assertThat(throttle.heldUntil("lee")).isEmpty();
	}

}

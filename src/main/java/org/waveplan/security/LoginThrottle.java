package org.waveplan.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Five failed logins for one user within a minute hold further tries for that user for a minute, whatever the
 * password, so that a password cannot be guessed at speed. Kept in memory, per instance: a restart forgets.
 */
@Component
class LoginThrottle {

	static final int TRIES = 5;

	static final Duration WINDOW = Duration.ofMinutes(1);

	static final Duration HOLD = Duration.ofMinutes(1);

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new HashMap<>();

	private final Map<String, Instant> held = new HashMap<>();

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Until when tries for the user are held, if they are. */
	synchronized Optional<Instant> heldUntil(String username) {
		Instant until = held.get(key(username));
		if (until != null && !clock.instant().isBefore(until)) {
			held.remove(key(username));
			return Optional.empty();
		}
		return Optional.ofNullable(until);
	}

	synchronized void failed(String username) {
		Instant now = clock.instant();
		// names that failed long ago go, so that tries with made-up names cannot fill the memory
		failures.values().removeIf(at -> !at.getLast().isAfter(now.minus(WINDOW)));
		held.values().removeIf(until -> !now.isBefore(until));
		Deque<Instant> recent = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
		recent.addLast(now);
		while (!recent.getFirst().isAfter(now.minus(WINDOW))) {
			recent.removeFirst();
		}
		if (recent.size() >= TRIES) {
			failures.remove(key(username));
			held.put(key(username), now.plus(HOLD));
		}
	}

	synchronized void succeeded(String username) {
		failures.remove(key(username));
	}

	private static String key(String username) {
		return username == null ? "" : username.trim().toLowerCase();
	}

}

package org.waveplan.security;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked: the user's tries are held after too many failures. */
class LoginHeldException extends AuthenticationException {

	private final Instant until;

	LoginHeldException(Instant until) {
		super("too many failed logins for this user: tries are held until " + until);
		this.until = until;
	}

	Instant until() {
		return until;
	}

}

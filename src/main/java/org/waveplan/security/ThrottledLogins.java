package org.waveplan.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Checks a user's password, unless the {@link LoginThrottle} holds the user's tries; counts the failures. */
class ThrottledLogins implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledLogins(UserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication login) {
		String username = login.getName();
		var until = throttle.heldUntil(username);
		if (until.isPresent()) {
			throw new LoginHeldException(until.get());
		}
		try {
			Authentication user = passwords.authenticate(login);
			throttle.succeeded(username);
			return user;
		}
		catch (BadCredentialsException e) {
			throttle.failed(username);
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwords.supports(authentication);
	}

}

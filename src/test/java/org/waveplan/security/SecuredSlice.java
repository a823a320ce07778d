package org.waveplan.security;

import java.time.Clock;
import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The real security rules for a {@code @WebMvcTest} slice, which scans no configuration of its own:
 * {@link SecurityConfig} and its login throttle, with no site token live and no account (both live in the
 * database): a slice's requests carry their user.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfig.class, LoginThrottle.class })
public class SecuredSlice {

	@Bean
	SiteCredentials noSiteTokens() {
		return token -> Optional.empty();
	}

	@Bean
	UserDetailsService noAccounts() {
		return name -> {
			throw new UsernameNotFoundException(name);
		};
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

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
 * database): a slice's requests carry their user. A slice whose mocked service is the accounts or the site tokens,
 * which are the rules' user service or site credentials, takes {@link Rules} and the other of the two.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecuredSlice.Rules.class, SecuredSlice.NoSiteTokens.class, SecuredSlice.NoAccounts.class })
public class SecuredSlice {

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ SecurityConfig.class, LoginThrottle.class })
	public static class Rules {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class NoSiteTokens {

		@Bean
		SiteCredentials noSiteTokens() {
			return token -> Optional.empty();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class NoAccounts {

		@Bean
		UserDetailsService noAccounts() {
			return name -> {
				throw new UsernameNotFoundException(name);
			};
		}

	}

}

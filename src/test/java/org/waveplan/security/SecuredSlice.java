package org.waveplan.security;

import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The real security rules for a {@code @WebMvcTest} slice, which scans no configuration of its own:
 * {@link SecurityConfig}, with no site token live (site tokens live in the database).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfig.class)
public class SecuredSlice {

	@Bean
	SiteCredentials noSiteTokens() {
		return token -> Optional.empty();
	}

}

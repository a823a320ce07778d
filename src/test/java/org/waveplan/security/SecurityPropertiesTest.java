package org.waveplan.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.waveplan.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password strength as Spring binds it: BCrypt's default unless set, and only what BCrypt can do. */
class SecurityPropertiesTest {

	private static SecurityProperties bind(Map<String, String> settings) {
		return Settings.bind("waveplan.security", SecurityProperties.class, settings);
	}

	@Test
	void theStrengthIsTenUnlessSetAndMakesHashesOfIt() {
		assertThat(bind(Map.of()).passwordStrength()).isEqualTo(10);
		SecurityProperties twelve = bind(Map.of("waveplan.security.password-strength", "12"));
		assertThat(new SecurityConfig().passwordEncoder(twelve).encode("a-long-passphrase")).startsWith("$2a$12$");
	}

	@Test
	void aStrengthBCryptCannotDoStopsTheStart() {
		assertThatThrownBy(() -> bind(Map.of("waveplan.security.password-strength", "3")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("4 to 31");
	}

}

package org.waveplan.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the people's accounts.
 *
 * @param passwordStrength BCrypt's log rounds for the password hashes of users, from 4 to 31: each one more doubles
 * the work of checking a password, at each login and at each request with basic authentication (10: about 0.1 s of
 * a core). A hash keeps the strength it was made with, so a change applies to passwords set after it
 */
@ConfigurationProperties("waveplan.security")
record SecurityProperties(@DefaultValue("10") int passwordStrength) {

	SecurityProperties {
		if (passwordStrength < 4 || passwordStrength > 31) {
			throw new IllegalArgumentException(
					"waveplan.security.password-strength " + passwordStrength + ": BCrypt takes 4 to 31 log rounds");
		}
	}

}

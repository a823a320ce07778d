package org.waveplan;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every application started on the test classpath (in a test JVM or in a JVM a test starts) has unless told
 * otherwise, before logging starts:
 * <ul>
 * <li>{@code waveplan.test.context}, a name of its own, for {@link ApiTest}'s database, data directory and
 * scheduler; once an application, where {@code random.uuid} would give each mention of it another name;</li>
 * <li>BCrypt's fewest rounds: the tests log in with basic authentication at every request, and at the default 10
 * rounds that was 84 % of the test JVM's work in {@code RenderApiTest} (its polls).</li>
 * </ul>
 */
public class TestApplications implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("waveplan-test-applications",
				Map.of("waveplan.test.context", UUID.randomUUID().toString(), "waveplan.security.password-strength", "4")));
	}

}

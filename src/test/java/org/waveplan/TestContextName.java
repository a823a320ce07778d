package org.waveplan;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Names each application started in a test JVM, as {@code waveplan.test.context}, for {@link ApiTest}'s database,
 * data directory and scheduler. Once an application: {@code random.uuid} would give each mention of it another
 * name; and before logging starts, which places its file in the data directory.
 */
public class TestContextName implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("waveplan-test-context",
				Map.of("waveplan.test.context", UUID.randomUUID().toString())));
	}

}

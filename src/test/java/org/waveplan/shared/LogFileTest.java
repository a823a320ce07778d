package org.waveplan.shared;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogFile;
import org.springframework.core.env.Environment;
import org.waveplan.ApiTest;
import org.waveplan.TestDirs;

import static org.assertj.core.api.Assertions.assertThat;

/** Each instance logs under its own data dir, so that two users (or two instances) on one host do not clash. */
class LogFileTest extends ApiTest {

	@Autowired
	private Environment environment;

	@Test
	void theLogFileIsUnderTheDataDir() {
		LogFile file = LogFile.get(environment);
		assertThat(file).isNotNull();
		Path log = Path.of(file.toString()).toAbsolutePath().normalize();
		assertThat(log).startsWith(TestDirs.path("test-data").toAbsolutePath());
		assertThat(log).exists();
	}

}

package org.waveplan.shared;

import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.LogFile;
import org.springframework.core.env.Environment;
import org.waveplan.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Each instance logs under its own data dir, so that two users (or two instances) on one host do not clash. */
class LogFileTest extends ApiTest {

	@Autowired
	private Environment environment;

	@Value("${waveplan.data-dir}")
	private String dataDir;

	@Test
	void theLogFileIsUnderTheDataDir() {
		assertThat(Path.of(LogFile.get(environment).toString())).isEqualTo(Path.of(dataDir, "logs", "waveplan.log"));
		// Logback is set up once a JVM, by its first application (of any test class): the file in its data directory
		FileAppender<?> appender = (FileAppender<?>) ((LoggerContext) LoggerFactory.getILoggerFactory())
			.getLogger(Logger.ROOT_LOGGER_NAME)
			.getAppender("FILE");
		Path written = Path.of(appender.getFile()).toAbsolutePath().normalize();
		assertThat(written).exists().hasFileName("waveplan.log");
		assertThat(written.getParent().getFileName()).hasToString("logs");
	}

}

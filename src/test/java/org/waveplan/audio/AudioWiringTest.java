package org.waveplan.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The module's beans and settings in a bare Spring context. */
class AudioWiringTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AudioProperties.class)
	@Import({ Ffmpeg.class, AudioProbe.class, LoudnessMeter.class })
	static class AudioModule {

	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(AudioModule.class);

	@Test
	void wiresTheModuleWithHalfAnHourPerFfmpegRun() {
		runner.run(context -> {
			assertThat(context).hasSingleBean(LoudnessMeter.class).hasSingleBean(AudioProbe.class);
			assertThat(context.getBean(AudioProperties.class).ffmpegTimeout()).isEqualTo(Duration.ofMinutes(30));
		});
	}

	@Test
	void takesTheTimeoutFromSettings() {
		runner.withPropertyValues("waveplan.audio.ffmpeg-timeout=2h")
			.run(context -> assertThat(context.getBean(AudioProperties.class).ffmpegTimeout())
				.isEqualTo(Duration.ofHours(2)));
	}

}

package org.waveplan.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.waveplan.shared.WaveplanProperties;

/** The module's beans and settings in a bare Spring context. */
class AudioWiringTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AudioProperties.class, ProcessingProperties.class, WaveplanProperties.class })
	@Import({ Ffmpeg.class, AudioProbe.class, LoudnessMeter.class, AudioRenderer.class })
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

	/** Each user's FFmpeg under their own data directory: two users of one host never share it. */
	@Test
	void unpacksFfmpegUnderTheDataDirectory(@TempDir Path data) {
		runner.withPropertyValues("waveplan.data-dir=" + data)
			.run(context -> assertThat(context.getBean(Ffmpeg.class).executable())
				.startsWith(data.resolve("ffmpeg"))
				.isExecutable());
	}

	@Test
	void wiresTheRendererWithItsDefaults() {
		runner.run(context -> {
			assertThat(context).hasSingleBean(AudioRenderer.class);
			assertThat(context.getBean(ProcessingProperties.class)).isEqualTo(AudioFixtures.PROCESSING);
			assertThat(AudioFixtures.PROCESSING.amSwLowPassHz()).isEqualTo(4500);
			assertThat(AudioFixtures.PROCESSING.fadeOut()).isEqualTo(Duration.ofSeconds(3));
		});
	}

	@Test
	void takesProcessingFromSettings() {
		runner.withPropertyValues("waveplan.audio.processing.mw-low-pass-hz=4000",
				"waveplan.audio.processing.processing-version=2")
			.run(context -> assertThat(context.getBean(ProcessingProperties.class))
				.extracting(ProcessingProperties::mwLowPassHz, ProcessingProperties::processingVersion)
				.containsExactly(4000.0, "2"));
	}

	/**
	 * Every FFmpeg run of an instance (ingest, render, check) goes through its one {@link Ffmpeg}, whose limit is the
	 * setting's, however many Quartz threads run render jobs at once.
	 */
	@Test
	void takesTheProcessesAtOnceFromSettings() {
		runner.withPropertyValues("waveplan.audio.max-processes=1")
			.run(context -> assertThat(context.getBean(Ffmpeg.class).maxProcesses()).isEqualTo(1));
		runner.run(context -> assertThat(context.getBean(Ffmpeg.class).maxProcesses())
			.isEqualTo(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void takesTheTimeoutFromSettings() {
		runner.withPropertyValues("waveplan.audio.ffmpeg-timeout=2h")
			.run(context -> assertThat(context.getBean(AudioProperties.class).ffmpegTimeout())
				.isEqualTo(Duration.ofHours(2)));
	}

}

package org.waveplan.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.waveplan.Settings;

/** The module wired by hand for tests and benchmarks, and the demo episodes in audio-samples/. */
final class AudioFixtures {

	static final Ffmpeg FFMPEG = new Ffmpeg();

	static final AudioProbe PROBE = new AudioProbe(FFMPEG, new AudioProperties(Duration.ofMinutes(30), 0));

	static final LoudnessMeter METER = new LoudnessMeter(PROBE);

	/** The processing settings at their defaults, as Spring binds them without any property set. */
	static final ProcessingProperties PROCESSING = Settings.bind("waveplan.audio.processing",
			ProcessingProperties.class, Map.of());

	static final AudioRenderer RENDERER = new AudioRenderer(FFMPEG, METER,
			new AudioProperties(Duration.ofMinutes(30), 0), PROCESSING);

	static final FilterGraph GRAPHS = new FilterGraph(PROCESSING);

	static final Path NEWS_MONO_MP3 = sample("news-bulletin-mono.mp3");

	static final Path TONES_STEREO_MP3 = sample("line-up-tones-stereo.mp3");

	static final Path FEATURE_STEREO_FLAC = sample("feature-stereo.flac");

	static final Path QUIET_MONO_WAV = sample("quiet-hour-mono.wav");

	private AudioFixtures() {
	}

	private static Path sample(String name) {
		return Path.of("audio-samples", name);
	}

	/** Runs FFmpeg, overwriting outputs, and fails unless it succeeds; returns its log. */
	static String ffmpeg(String... args) {
		List<String> all = new ArrayList<>(List.of("-y"));
		all.addAll(List.of(args));
		Ffmpeg.Result result = FFMPEG.run(all, Duration.ofMinutes(10));
		if (result.exitCode() != 0) {
			throw new IllegalStateException("ffmpeg " + String.join(" ", args) + " failed:\n" + result.log());
		}
		return result.log();
	}

}

package org.waveplan.audio;

import static org.waveplan.audio.AudioFixtures.FEATURE_STEREO_FLAC;
import static org.waveplan.audio.AudioFixtures.METER;
import static org.waveplan.audio.AudioFixtures.NEWS_MONO_MP3;
import static org.waveplan.audio.AudioFixtures.PROBE;
import static org.waveplan.audio.AudioFixtures.QUIET_MONO_WAV;
import static org.waveplan.audio.AudioFixtures.TONES_STEREO_MP3;
import static org.waveplan.audio.AudioFixtures.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Times the ingest of a 60-minute episode (an MP3 of 44.1 kHz stereo at 128 kb/s looping the demo
 * episodes): {@link LoudnessMeter#analyze} as the catalog runs it, probe, then measure,
 * and FFmpeg's own {@code loudnorm} analysis pass. Run with
 * {@code ./mvnw -B -q -Pbench test-compile exec:java -Dbench.main=org.waveplan.audio.IngestBenchmark}.
 */
public final class IngestBenchmark {

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Files.createTempDirectory("ingest-benchmark");
		try {
			Timed<Path> built = time(() -> episode(dir));
			Path episode = built.value();
			System.out.printf("Episode: %s, %.1f MB, built in %.1f s%n", PROBE.probe(episode),
					Files.size(episode) / 1e6, built.seconds());

			Timed<AudioAnalysis> ingest = time(() -> METER.analyze(episode));
			System.out.printf("Ingest, analyze (probe and loudness at once): %.1f s, %s%n", ingest.seconds(),
					ingest.value().loudness());
			Timed<Loudness> twice = time(() -> {
				PROBE.probe(episode);
				return METER.measure(episode);
			});
			System.out.printf("Probe, then measure: %.1f s%n", twice.seconds());
			Timed<String> loudnorm = time(() -> loudnorm(episode));
			System.out.printf("FFmpeg loudnorm analysis pass: %.1f s, %s%n", loudnorm.seconds(), loudnorm.value());
			System.out.printf("loudnorm / ingest: %.1fx%n", loudnorm.seconds() / ingest.seconds());
		}
		finally {
			deleteAll(dir);
		}
	}

	static void deleteAll(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	/** The four demo episodes as one 44.1 kHz stereo programme of two minutes, looped to an hour. */
	static Path episode(Path dir) {
		return episode(dir, Duration.ofHours(1));
	}

	/** The four demo episodes as one 44.1 kHz stereo programme of two minutes, looped to the length. */
	static Path episode(Path dir, Duration length) {
		Path programme = dir.resolve("programme.wav");
		Path episode = dir.resolve("episode.mp3");
		ffmpeg("-i", NEWS_MONO_MP3.toString(), "-i", FEATURE_STEREO_FLAC.toString(), "-i", QUIET_MONO_WAV.toString(),
				"-i", TONES_STEREO_MP3.toString(), "-filter_complex",
				"[0:a][1:a][2:a][3:a]concat=n=4:v=0:a=1,aresample=44100", "-ac", "2", programme.toString());
		ffmpeg("-stream_loop", "-1", "-i", programme.toString(), "-t", String.valueOf(length.toSeconds()), "-c:a",
				"libmp3lame", "-b:a", "128k", episode.toString());
		return episode;
	}

	private static String loudnorm(Path episode) {
		String log = ffmpeg("-i", episode.toString(), "-af", "loudnorm=print_format=json", "-f", "null", "-");
		return log.substring(log.lastIndexOf('{')).replaceAll("\\s+", " ").trim();
	}

	record Timed<T>(T value, double seconds) {
	}

	static <T> Timed<T> time(Callable<T> task) throws Exception {
		long start = System.nanoTime();
		T value = task.call();
		return new Timed<>(value, (System.nanoTime() - start) / 1e9);
	}

}

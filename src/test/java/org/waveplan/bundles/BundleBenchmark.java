package org.waveplan.bundles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.waveplan.Fixtures;
import org.waveplan.WaveplanApplication;
import org.waveplan.audio.Ffmpeg;
import org.waveplan.shared.Sha256;

import static org.awaitility.Awaitility.await;

/**
 * Times a bundle of N one-hour episodes (20 unless {@code -Dbundle.hours=N}) built at the default profile (MP3
 * mono 48 kb/s 24 kHz, -16 LUFS, -1 dBTP, no metadata) the way a producer gets one: the application started on a
 * fresh H2 and data directory, the episodes uploaded (ingest is not timed), then the bundle asked for over the API
 * and timed from the request until its Quartz job has published the ZIP. Against it the floor: the same files
 * encoded with one FFmpeg command each (same codec settings, a fixed gain and the same peak limiter; nothing
 * measured or checked, no ZIP), one after another and as many at once as there are cores. The episodes are made
 * once from the demo audio and kept in target/bundle-benchmark. Run with
 * {@code ./mvnw -B -q -Pbench test-compile exec:java -Dbench.main=org.waveplan.bundles.BundleBenchmark}.
 */
public final class BundleBenchmark {

	private static final int HOURS = Integer.getInteger("bundle.hours", 20);

	/**
	 * The limiter's margin below the true-peak ceiling ({@code waveplan.audio.processing.limiter-margin-db}) where
	 * each file is first encoded: the default's 1.5 dB unless {@code -Dbundle.limiter-margin-db=N}. At 1.5 the
	 * bulletin's 48 kb/s MP3 decodes at -0.5 dBTP and is encoded once more, its limiter lower.
	 */
	private static final double LIMITER_MARGIN_DB = Double
		.parseDouble(System.getProperty("bundle.limiter-margin-db", "1.5"));

	private static final Path EPISODES = Path.of("target", "bundle-benchmark");

	private static final Ffmpeg FFMPEG = new Ffmpeg();

	private BundleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Path> episodes = episodes(HOURS);
		Path dir = Files.createTempDirectory("bundle-benchmark");
		try {
			double bundle;
			try (ConfigurableApplicationContext app = SpringApplication.run(WaveplanApplication.class,
					"--server.port=0", "--waveplan.data-dir=" + dir,
					"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("waveplan"), "--logging.level.root=WARN",
					"--waveplan.audio.processing.limiter-margin-db=" + LIMITER_MARGIN_DB)) {
				int port = ((WebServerApplicationContext) app).getWebServer().getPort();
				TestRestTemplate admin = new TestRestTemplate(
						new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port))
					.withBasicAuth("admin", Files.readString(dir.resolve("initial-admin-password")).trim());
				Fixtures fixtures = new Fixtures(admin);
				fixtures.program("evening", 60);
				List<Long> ids = new ArrayList<>();
				for (int i = 0; i < episodes.size(); i++) {
					ids.add(fixtures.episode("evening", episodes.get(i), String.format("Hour %02d", i + 1)));
				}
				long start = System.nanoTime();
				JsonNode asked = admin.postForObject("/api/bundles",
						Map.of("name", HOURS + " hours", "episodes", ids), JsonNode.class);
				String path = "/api/bundles/" + asked.get("id").asLong();
				JsonNode done = await().atMost(Duration.ofHours(HOURS))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> admin.getForObject(path, JsonNode.class),
							b -> b.get("state").asText().matches("done|failed"));
				bundle = (System.nanoTime() - start) / 1e9;
				if (!done.get("state").asText().equals("done")) {
					// the floor still tells what the same hours cost at least
					System.out.printf(Locale.ROOT, "Bundle of %d h FAILED after %.1f s, at %.0f%% done"
							+ " (limiter margin %.1f dB): %s%n", HOURS, bundle, 100 * done.get("progress").asDouble(),
							LIMITER_MARGIN_DB, done.get("reason").asText());
					bundle = Double.NaN;
				}
				else {
					byte[] zip = admin.getForObject(path + "/file", byte[].class);
					if (!Sha256.hex(zip).equals(done.get("sha256").asText())) {
						throw new IllegalStateException("the downloaded ZIP is not the announced one");
					}
					System.out.printf(Locale.ROOT, "Bundle of %d h (%d episodes, %s): %.1f s, %.2f h of audio a minute;"
							+ " %d bytes (%.1f MB), SHA-256 %s%n", HOURS, episodes.size(), done.get("profile"), bundle,
							HOURS / (bundle / 60), zip.length, zip.length / 1e6, done.get("sha256").asText());
				}
			}

			double sequential = floor(episodes, dir, 1);
			int cores = FFMPEG.maxProcesses();
			double parallel = floor(episodes, dir, cores);
			System.out.printf(Locale.ROOT, "Floor, one FFmpeg command a file, one at a time: %.1f s, %.2f h a minute%n",
					sequential, HOURS / (sequential / 60));
			System.out.printf(Locale.ROOT, "Floor, %d commands at once (one a core): %.1f s, %.2f h a minute%n", cores,
					parallel, HOURS / (parallel / 60));
			if (!Double.isNaN(bundle)) {
				System.out.printf(Locale.ROOT, "Bundle / floor: %.2f (one at a time), %.2f (%d at once)%n",
						bundle / sequential, bundle / parallel, cores);
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	/**
	 * One-hour episodes of speech, each the demo news bulletin (31 s) looped from its own offset, so that no two
	 * have the same bytes (the builder would find a second one rendered already); made once, kept for later runs.
	 */
	private static List<Path> episodes(int hours) throws IOException {
		Files.createDirectories(EPISODES);
		Path programme = EPISODES.resolve("programme.wav");
		if (!Files.exists(programme)) {
			Path part = EPISODES.resolve("programme.part.wav");
			ffmpeg("-i", Path.of("audio-samples", "news-bulletin-mono.mp3").toString(), "-ar", "44100", "-ac", "2",
					part.toString());
			Files.move(part, programme, StandardCopyOption.ATOMIC_MOVE);
		}
		List<Path> episodes = new ArrayList<>();
		for (int i = 0; i < hours; i++) {
			Path episode = EPISODES.resolve(String.format("hour-%02d.mp3", i + 1));
			if (!Files.exists(episode)) {
				Path part = EPISODES.resolve(String.format("hour-%02d.part.mp3", i + 1));
				ffmpeg("-stream_loop", "-1", "-i", programme.toString(), "-ss", String.valueOf(7 * i), "-t", "3600",
						"-c:a", "libmp3lame", "-b:a", "128k", part.toString());
				Files.move(part, episode, StandardCopyOption.ATOMIC_MOVE);
			}
			episodes.add(episode);
		}
		return episodes;
	}

	/** Seconds to encode every episode at the default profile, so many FFmpeg commands at once. */
	private static double floor(List<Path> episodes, Path dir, int atOnce) throws Exception {
		Path out = Files.createDirectories(dir.resolve("floor-" + atOnce));
		// the builder's limiter, at its ceiling of -1 dBTP less the margin, after a fixed gain
		String limiter = String.format(Locale.ROOT, "volume=3dB,alimiter=limit=%.6f:attack=5:release=50:level=0",
				Math.pow(10, (-1 - LIMITER_MARGIN_DB) / 20));
		ExecutorService pool = Executors.newFixedThreadPool(atOnce);
		try {
			long start = System.nanoTime();
			List<Future<String>> runs = new ArrayList<>();
			for (Path episode : episodes) {
				Callable<String> run = () -> ffmpeg("-i", episode.toString(), "-af",
						limiter, "-ac", "1", "-ar", "24000",
						"-c:a", "libmp3lame", "-b:a", "48k", "-f", "mp3", "-fflags", "+bitexact", "-flags:a",
						"+bitexact", "-map_metadata", "-1", "-id3v2_version", "0", "-write_id3v1", "0", "-write_xing",
						"0", out.resolve(episode.getFileName()).toString());
				runs.add(pool.submit(run));
			}
			for (Future<String> run : runs) {
				run.get();
			}
			return (System.nanoTime() - start) / 1e9;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Runs FFmpeg, overwriting outputs, and fails unless it succeeds; returns its log. */
	private static String ffmpeg(String... args) {
		List<String> all = new ArrayList<>(List.of("-y"));
		all.addAll(List.of(args));
		Ffmpeg.Result result = FFMPEG.run(all, Duration.ofMinutes(30));
		if (result.exitCode() != 0) {
			throw new IllegalStateException("ffmpeg " + String.join(" ", args) + " failed:\n" + result.log());
		}
		return result.log();
	}

}

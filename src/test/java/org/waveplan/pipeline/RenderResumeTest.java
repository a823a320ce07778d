package org.waveplan.pipeline;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.waveplan.Fixtures;
import org.waveplan.WaveplanApplication;
import org.waveplan.audio.Codec;
import org.waveplan.audio.Ffmpeg;
import org.waveplan.audio.LoudnessMeter;
import org.waveplan.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/**
 * The service is killed (SIGKILL, as kill -9) in the middle of a render; started again on the same database and
 * folder, it resumes the render from the Quartz store, finishes it with a verified file, and removes the killed
 * run's temp files. Nothing of the cut-short render was ever published.
 */
class RenderResumeTest {

	// long enough that the kill surely lands mid-render, polled every 100 ms
	private static final int MINUTES = 3;

	// one cluster, and not the name of other tests' schedulers in this JVM (Quartz keys connections by it); check-ins
	// every second rather than 7.5 s, so the killed instance is found missing sooner
	private static final String[] CLUSTER = { "--spring.quartz.scheduler-name=waveplan-resume-test",
			"--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000" };

	@TempDir
	Path dataDir;

	@Test
	void aRenderCutShortByKillMinusNineResumesAfterRestart() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process killed = new ProcessBuilder(ChildJvm.command(WaveplanApplication.class, "--server.port=" + port,
				"--waveplan.data-dir=" + dataDir, CLUSTER[0], CLUSTER[1]))
			.redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("killed.log").toFile())
			.start();
		long airing;
		Path work;
		try {
			TestRestTemplate admin = admin(port, killed);
			airing = anEpisodeDueNow(admin);
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
				JsonNode render = render(admin, airing);
				return render != null && render.get("state").asText().equals("running")
						&& render.get("progress").asDouble() > 0.2;
			});
			work = onlyWorkDir();
			assertThat(Files.list(work).count()).as("FFmpeg's temp files").isGreaterThan(1);
		}
		finally {
			killed.destroyForcibly().waitFor();
		}
		assertThat(renditions()).as("nothing published by the killed render").isEmpty();

		try (ConfigurableApplicationContext app = SpringApplication.run(WaveplanApplication.class, "--server.port=0",
				"--waveplan.data-dir=" + dataDir, CLUSTER[0], CLUSTER[1])) {
			TestRestTemplate admin = admin(((WebServerApplicationContext) app).getWebServer().getPort(), null);
			assertThat(work).as("the killed run's temp files").doesNotExist();
			// Quartz takes the job over once the killed instance has missed its check-ins
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> render(admin, airing).get("state").asText().equals("done"));
			JsonNode file = render(admin, airing).get("file");
			Path path = app.getBean(RenditionStore.class)
				.object(render(admin, airing).get("renditionKey").asText(), Codec.valueOf(file.get("codec").asText()), null)
				.localPath()
				.orElseThrow();
			assertThat(renditions()).containsExactly(path);
			assertThat(app.getBean(LoudnessMeter.class).analyze(path).info().duration())
				.isBetween(Duration.ofMinutes(MINUTES).minusMillis(50), Duration.ofMinutes(MINUTES).plusMillis(50));
			// every run that started counts, the killed one too
			assertThat(render(admin, airing).get("attempts").asInt()).isEqualTo(2);
		}
	}

	/** An episode of MINUTES on a slot tomorrow, for a site whose lead time makes it due at once. */
	private long anEpisodeDueNow(TestRestTemplate admin) throws Exception {
		Path episode = dataDir.resolve("episode.mp3");
		assertThat(new Ffmpeg().run(List.of("-y", "-f", "lavfi", "-i",
				"anoisesrc=color=pink:amplitude=0.3:duration=" + MINUTES * 60 + ",tremolo=f=3:d=0.8", "-ar", "44100",
				"-ac", "2", "-b:a", "128k", episode.toString()), Duration.ofMinutes(2)).exitCode()).isZero();
		Fixtures fixtures = new Fixtures(admin);
		fixtures.site("TAC", 1, "TX1");
		fixtures.deliveryProfile("TAC", Map.of("codec", "MP3", "bitrateKbps", 64, "sampleRate", 44100, "channels", 2,
				"preset", "none", "leadTime", "P7D"));
		fixtures.program("korea-today", MINUTES);
		fixtures.queue("korea-today", fixtures.episode("korea-today", episode, "Monday"));
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		fixtures.bindSlot(with(slot("TAC", "TX1", 7345, "20:00", String.format("20:%02d", MINUTES)), "validFrom",
				tomorrow, "validTo", tomorrow), "korea-today");
		// the planner hears of the slot after its commit, on another thread
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !admin.getForObject("/api/airings?program=korea-today", JsonNode.class).isEmpty());
		return admin.getForObject("/api/airings?program=korea-today", JsonNode.class).get(0).get("id").asLong();
	}

	private static JsonNode render(TestRestTemplate admin, long airing) {
		JsonNode renders = admin.getForObject("/api/renders?airing=" + airing, JsonNode.class);
		return renders.isEmpty() ? null : renders.get(0);
	}

	/** The admin of a fresh service, once it answers. */
	private TestRestTemplate admin(int port, Process process) {
		TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			assertThat(process == null || process.isAlive()).as("the service is running").isTrue();
			return anonymous.getForEntity("/actuator/health", String.class).getStatusCode() == HttpStatus.OK;
		});
		String password;
		try {
			password = Files.readString(dataDir.resolve("initial-admin-password")).trim();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return anonymous.withBasicAuth("admin", password);
	}

	private Path onlyWorkDir() throws Exception {
		try (Stream<Path> dirs = Files.list(dataDir.resolve("renders").resolve("work"))) {
			List<Path> all = dirs.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
		}
	}

	/** The published renditions: files in the renders folder outside the work directories. */
	private List<Path> renditions() throws Exception {
		Path renders = dataDir.resolve("renders");
		try (Stream<Path> files = Files.walk(renders)) {
			return files.filter(Files::isRegularFile)
				.filter(f -> !f.startsWith(renders.resolve("work")))
				.toList();
		}
	}

}

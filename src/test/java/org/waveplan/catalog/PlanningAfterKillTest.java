package org.waveplan.catalog;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.waveplan.WaveplanApplication;
import org.waveplan.audio.Ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slot change and a queue change commit and the service is killed (SIGKILL) before the planner hears of them;
 * started again on the same database, it hands the stored events to the planner, and the slot's airings are there,
 * with the queued episode, without waiting for the hourly run.
 */
class PlanningAfterKillTest {

	// the hourly run is far off here: only the event can plan the airings
	private static final String[] SETTINGS = { "--waveplan.catalog.planner-cron=0 0 0 1 1 ? 2099",
			"--spring.quartz.scheduler-name=waveplan-kill-test" };

	@TempDir
	Path dataDir;

	@Test
	void aSlotChangeKilledBeforeItsPlanningIsPlannedAfterRestart() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), HeldEvents.class.getName(), "--server.port=" + port,
				"--waveplan.data-dir=" + dataDir, "--spring.datasource.url=" + database(), SETTINGS[0], SETTINGS[1])
			.redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("killed.log").toFile())
			.start();
		try {
			TestRestTemplate admin = admin(port, killed);
			aSlotForKoreaToday(admin);
			queue(admin, episode(admin));
			assertThat(airings(admin)).as("airings planned before the kill").isEmpty();
		}
		finally {
			killed.destroyForcibly().waitFor();
		}

		try (ConfigurableApplicationContext app = SpringApplication.run(WaveplanApplication.class, "--server.port=0",
				"--waveplan.data-dir=" + dataDir, "--spring.datasource.url=" + database(), SETTINGS[0], SETTINGS[1])) {
			TestRestTemplate admin = admin(((WebServerApplicationContext) app).getWebServer().getPort(), null);
			// the two stored events may be handled by two planner runs: wait for the effect of both
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
				JsonNode airings = airings(admin);
				assertThat(airings).as("the slot's airings").hasSizeGreaterThanOrEqualTo(13);
				assertThat(airings.get(0).get("episodeId")).as("the queued episode").isNotNull();
			});
			// handled, so deleted: nothing is handled again at the next start
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.queryForObject("select count(*) from event_publication", Integer.class) == 0);
		}
	}

	private static void aSlotForKoreaToday(TestRestTemplate admin) {
		assertThat(admin.postForEntity("/api/programs", Map.of("slug", "korea-today", "title", "Korea Today",
				"language", "kor", "targetDurationMinutes", 60), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		admin.postForEntity("/api/sites", Map.of("code", "TAC", "name", "Tashkent", "ituRegion", 1, "latitude", 41.3,
				"longitude", 69.2), JsonNode.class);
		admin.postForEntity("/api/sites/TAC/transmitters", Map.of("name", "TX1", "minKhz", 3950, "maxKhz", 26100,
				"powerKw", 100), JsonNode.class);
		assertThat(admin.postForEntity("/api/slots", Map.of("site", "TAC", "transmitter", "TX1", "frequencyKhz", 7345,
				"start", "20:00", "stop", "21:00", "targets", "44", "program", "korea-today"), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private long episode(TestRestTemplate admin) {
		Path tone = dataDir.resolve("tone.wav");
		assertThat(new Ffmpeg().run(List.of("-y", "-f", "lavfi", "-i", "sine=duration=3", tone.toString()),
				Duration.ofMinutes(1)).exitCode()).isZero();
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new FileSystemResource(tone));
		form.add("title", "Monday");
		return admin.postForEntity("/api/programs/korea-today/episodes", form, JsonNode.class)
			.getBody()
			.get("id")
			.asLong();
	}

	private static void queue(TestRestTemplate admin, long episode) {
		assertThat(admin.postForEntity("/api/programs/korea-today/queue", Map.of("episodeId", episode), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private static JsonNode airings(TestRestTemplate admin) {
		return admin.getForObject("/api/airings?program=korea-today", JsonNode.class);
	}

	/** The admin of a fresh service, once it answers. */
	private TestRestTemplate admin(int port, Process process) throws Exception {
		TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			assertThat(process == null || process.isAlive()).as("the service is running").isTrue();
			return anonymous.getForEntity("/actuator/health", String.class).getStatusCode() == HttpStatus.OK;
		});
		return anonymous.withBasicAuth("admin", Files.readString(dataDir.resolve("initial-admin-password")).trim());
	}

	private String database() {
		return "jdbc:h2:file:" + dataDir.resolve("waveplan");
	}

	/**
	 * The service whose asynchronous event handlers never start, as if it died right after each commit: what it
	 * publishes is stored and stays to be handled.
	 */
	static class HeldEvents {

		public static void main(String[] args) {
			Executor never = task -> {
			};
			new SpringApplicationBuilder(WaveplanApplication.class)
				.initializers(context -> context.getBeanFactory().registerSingleton("heldEvents", new AsyncConfigurer() {
					@Override
					public Executor getAsyncExecutor() {
						return never;
					}
				}))
				.run(args);
		}

	}

}

package org.waveplan.catalog;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.waveplan.Fixtures;
import org.waveplan.WaveplanApplication;
import org.waveplan.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

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
		Process killed = new ProcessBuilder(ChildJvm.command(HeldEvents.class, "--server.port=" + port,
				"--waveplan.data-dir=" + dataDir, SETTINGS[0], SETTINGS[1]))
			.redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("killed.log").toFile())
			.start();
		try {
			TestRestTemplate admin = admin(port, killed);
			Fixtures fixtures = new Fixtures(admin);
			fixtures.program("korea-today", 60);
			fixtures.site("TAC", 1, "TX1");
			// in the season in force
			fixtures.bindSlot(with(slot("TAC", "TX1", 7345, "20:00", "21:00"), "validFrom", null, "validTo", null),
					"korea-today");
			fixtures.queue("korea-today",
					fixtures.episode("korea-today", Fixtures.tone(dataDir.resolve("tone.wav"), 3), "Monday"));
			assertThat(airings(admin)).as("airings planned before the kill").isEmpty();
		}
		finally {
			killed.destroyForcibly().waitFor();
		}

		try (ConfigurableApplicationContext app = SpringApplication.run(WaveplanApplication.class, "--server.port=0",
				"--waveplan.data-dir=" + dataDir, SETTINGS[0], SETTINGS[1])) {
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

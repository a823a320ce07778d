package org.waveplan.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.waveplan.Fixtures;
import org.waveplan.WaveplanApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/** Queues, airings and the planner's trigger are in the database: a restart keeps them all. */
class CatalogRestartTest {

	@TempDir
	Path dataDir;

	@Test
	void aRestartKeepsQueuesAiringsAndThePlannersTrigger() throws Exception {
		JsonNode queue;
		JsonNode airings;
		try (ConfigurableApplicationContext app = start()) {
			TestRestTemplate admin = admin(app);
			Fixtures fixtures = new Fixtures(admin);
			fixtures.program("korea-today", 60);
			fixtures.queue("korea-today",
					fixtures.episode("korea-today", Fixtures.tone(dataDir.resolve("tone.wav"), 3), "Monday"));
			fixtures.site("TAC", 1, "TX1");
			// in the season in force
			fixtures.bindSlot(with(slot("TAC", "TX1", 7345, "20:00", "21:00"), "validFrom", null, "validTo", null),
					"korea-today");
			queue = admin.getForObject("/api/programs/korea-today/queue", JsonNode.class);
			// the planner hears of the slot after its commit, on another thread
			await().atMost(Duration.ofSeconds(30))
				.until(() -> admin.getForObject("/api/airings?program=korea-today", JsonNode.class).size() >= 13);
			airings = admin.getForObject("/api/airings?program=korea-today", JsonNode.class);
			assertThat(queue).hasSize(1);
			assertThat(airings.size()).isGreaterThanOrEqualTo(13);
		}
		try (ConfigurableApplicationContext app = start()) {
			TestRestTemplate admin = admin(app);
			assertThat(admin.getForObject("/api/programs/korea-today/queue", JsonNode.class)).isEqualTo(queue);
			assertThat(admin.getForObject("/api/airings?program=korea-today", JsonNode.class)).isEqualTo(airings);
			assertThat(app.getBean(Scheduler.class).checkExists(TriggerKey.triggerKey("airing-planner", "catalog")))
				.isTrue();
		}
	}

	private ConfigurableApplicationContext start() {
		return SpringApplication.run(WaveplanApplication.class, "--server.port=0", "--waveplan.data-dir=" + dataDir,
				"--spring.quartz.scheduler-name=waveplan-restart-test",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("waveplan"));
	}

	private TestRestTemplate admin(ConfigurableApplicationContext app) throws Exception {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		String password = Files.readString(dataDir.resolve("initial-admin-password")).trim();
		return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)).withBasicAuth("admin",
				password);
	}

}

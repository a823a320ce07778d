package org.waveplan.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.waveplan.WaveplanApplication;
import org.waveplan.audio.Ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
			Path tone = dataDir.resolve("tone.wav");
			assertThat(app.getBean(Ffmpeg.class).run(List.of("-y", "-f", "lavfi", "-i", "sine=duration=3", tone.toString()),
					Duration.ofMinutes(1)).exitCode()).isZero();
			admin.postForEntity("/api/programs", Map.of("slug", "korea-today", "title", "Korea Today", "language", "kor",
					"targetDurationMinutes", 60), JsonNode.class);
			MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
			form.add("file", new FileSystemResource(tone));
			form.add("title", "Monday");
			long episode = admin.postForEntity("/api/programs/korea-today/episodes", form, JsonNode.class)
				.getBody()
				.get("id")
				.asLong();
			admin.postForEntity("/api/programs/korea-today/queue", Map.of("episodeId", episode), JsonNode.class);
			admin.postForEntity("/api/sites", Map.of("code", "TAC", "name", "Tashkent", "ituRegion", 1, "latitude", 41.3,
					"longitude", 69.2), JsonNode.class);
			admin.postForEntity("/api/sites/TAC/transmitters", Map.of("name", "TX1", "minKhz", 3950, "maxKhz", 26100,
					"powerKw", 100), JsonNode.class);
			assertThat(admin.postForEntity("/api/slots", Map.of("site", "TAC", "transmitter", "TX1", "frequencyKhz", 7345,
					"start", "20:00", "stop", "21:00", "targets", "44", "program", "korea-today"), JsonNode.class)
				.getStatusCode()).isEqualTo(HttpStatus.CREATED);
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

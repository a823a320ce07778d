package org.waveplan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.agent.SiteAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo profile shows the whole chain to a newcomer: its sites have delivery profiles, so renders finish within
 * minutes of the first start, and the site agent pulls Tashkent's files with the token and key the demo leaves in
 * the data folder, as README shows.
 */
class DemoTest {

	/**
	 * Slots of two minutes, one a day at each site, in place of the sample schedule's: a render is as long as its
	 * airing, and the sample's hour-long ones, all due at once as in the demo, take a minute of both cores. They
	 * start a few minutes from now, so that their next airing is in the season in force whatever the date.
	 */
	private static final String SHORT_SLOTS = """
			slots:
			  - {site: TAC, transmitter: TX1, antenna: HR4/4/1-75, frequency: 7345, start: "%1$s", stop: "%2$s", days: daily, targets: "44", azimuth: 75, power: 100, language: kor, program: korea-today}
			  - {site: TIN, transmitter: T1, antenna: AR-315, frequency: 9855, start: "%1$s", stop: "%2$s", days: daily, targets: "44", azimuth: 315, power: 250, language: kor, program: korea-today}
			  - {site: KRA, transmitter: K1, antenna: ALLISS-35, frequency: 9610, start: "%1$s", stop: "%2$s", days: daily, targets: "44", azimuth: 35, power: 250, language: kor, program: korea-today}
			""";

	@TempDir
	Path dataDir;

	@Test
	void theDemoRendersAndTheSiteAgentPullsWithTheDemoToken() throws Exception {
		String sample = Files.readString(Path.of("schedules/demo.yaml"));
		LocalTime start = LocalTime.now(ZoneOffset.UTC).plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
		Files.writeString(dataDir.resolve("demo.yaml"), sample.substring(0, sample.indexOf("\nslots:") + 1)
				+ SHORT_SLOTS.formatted(start, start.plusMinutes(2)));
		Path tokenFile = dataDir.resolve("demo-site-token");
		String token;
		try (ConfigurableApplicationContext app = start()) {
			TestRestTemplate engineer = as(app, "engineer");
			List<String> presets = new ArrayList<>();
			for (JsonNode site : engineer.getForObject("/api/sites", JsonNode.class)) {
				ResponseEntity<JsonNode> profile = engineer.getForEntity(
						"/api/sites/" + site.path("code").asText() + "/delivery-profile", JsonNode.class);
				assertThat(profile.getStatusCode()).as(site.path("code").asText()).isEqualTo(HttpStatus.OK);
				presets.add(profile.getBody().path("preset").asText());
			}
			assertThat(presets).containsExactlyInAnyOrder("am-sw", "mw", "none");

			assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			token = Files.readString(tokenFile).trim();
			TestRestTemplate site = anonymous(app);
			assertThat(manifest(site, "TAC", token).getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(manifest(site, "TIN", token).getStatusCode().is4xxClientError()).isTrue();

			// the lead time puts the next day's airings due at once; the planner and Quartz take it from there
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> manifest(site, "TAC", token).getBody().findValues("sha256").size() > 0);
			assertThat(engineer.getForObject("/api/renders?site=TAC&state=done", JsonNode.class)).isNotEmpty();

			// README's command
			int exit = SiteAgent.run(List.of("--server", rootUri(app), "--site", "TAC", "--token-file",
					tokenFile.toString(), "--signing-key", dataDir.resolve("demo-signing-key.pub").toString(),
					"--dir", dataDir.resolve("site-files").toString(), "--once"));
			assertThat(exit).isZero();
			assertThat(engineer.getForObject("/api/deliveries?site=TAC&state=confirmed", JsonNode.class))
				.isNotEmpty();
		}
		try (ConfigurableApplicationContext app = start()) {
			assertThat(Files.readString(tokenFile).trim()).isEqualTo(token);
			TestRestTemplate admin = as(app, "admin");
			JsonNode tokens = admin.getForObject("/api/sites/TAC/tokens", JsonNode.class);
			assertThat(tokens).hasSize(1);
			assertThat(manifest(anonymous(app), "TAC", token).getStatusCode()).isEqualTo(HttpStatus.OK);
			admin.delete("/api/sites/TAC/tokens/" + tokens.get(0).path("id").asLong());
		}
		// a revoked token in the file is replaced
		try (ConfigurableApplicationContext app = start()) {
			String renewed = Files.readString(tokenFile).trim();
			assertThat(renewed).isNotEqualTo(token);
			assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThat(manifest(anonymous(app), "TAC", renewed).getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(manifest(anonymous(app), "TAC", token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	private ConfigurableApplicationContext start() {
		return SpringApplication.run(WaveplanApplication.class, "--spring.profiles.active=demo", "--server.port=0",
				"--waveplan.data-dir=" + dataDir, "--spring.quartz.scheduler-name=waveplan-demo-test",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("waveplan"),
				"--waveplan.schedule.demo-schedule=file:" + dataDir.resolve("demo.yaml"));
	}

	private static ResponseEntity<JsonNode> manifest(TestRestTemplate rest, String site, String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return rest.exchange("/api/sites/" + site + "/manifest", HttpMethod.GET, new HttpEntity<>(headers),
				JsonNode.class);
	}

	private static String rootUri(ConfigurableApplicationContext app) {
		return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private static TestRestTemplate anonymous(ConfigurableApplicationContext app) {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(rootUri(app)));
	}

	private static TestRestTemplate as(ConfigurableApplicationContext app, String user) {
		return anonymous(app).withBasicAuth(user, user);
	}

}

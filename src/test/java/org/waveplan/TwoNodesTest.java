package org.waveplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances as one service: two application contexts, each with its own data directory and port, on one
 * PostgreSQL, spoken to over HTTP. They start at the same moment on an empty database with the demo profile (and
 * a second pair without it), and then serve what the other changed within 5 s. Separate processes would share the
 * Quartz scheduler name; Quartz allows a name once per JVM, so here each context has its own.
 */
class TwoNodesTest {

	private static final Duration WITHIN = Duration.ofSeconds(5);

	// the demo's sites, and one slot bound to no program: nothing to plan or render until a test binds one
	private static final String SLOT = """
			  - {site: TIN, transmitter: T2, antenna: AR-330, frequency: 11905, start: "05:00", stop: "05:30", days: daily, targets: "44", azimuth: 330, power: 250, language: kor}
			""";

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void startAtOnce() throws IOException {
		Path dir = TestDirs.path("two-nodes");
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir.resolve("episodes"));
		Fixtures.tone(dir.resolve("episodes/tone.wav"), 5);
		String sample = Files.readString(Path.of("schedules/demo.yaml"));
		Files.writeString(dir.resolve("demo.yaml"), sample.substring(0, sample.indexOf("\nslots:") + 1) + "slots:\n" + SLOT);
		List<ConfigurableApplicationContext> nodes = startAtOnce(database("two_nodes"), dir, "demo",
				"--spring.profiles.active=demo", "--waveplan.schedule.demo-schedule=file:" + dir.resolve("demo.yaml"),
				"--waveplan.catalog.demo-episodes=" + dir.resolve("episodes"));
		a = nodes.get(0);
		b = nodes.get(1);
		jdbc = a.getBean(JdbcTemplate.class);
	}

	/** The settings of a new, empty database on the embedded PostgreSQL (and its key-encryption key), as arguments. */
	private static List<String> database(String name) {
		List<String> args = new ArrayList<>();
		EmbeddedPostgres.register((property, value) -> {
			// every node of one database is given the same key-encryption key
			if (property.startsWith("spring.datasource.") || property.equals("waveplan.delivery.key-encryption-key")) {
				args.add("--" + property + "=" + value.get());
			}
		}, "two-nodes", name);
		return args;
	}

	/** Two instances started at the same moment, each with a data directory of its own under {@code dir}. */
	private static List<ConfigurableApplicationContext> startAtOnce(List<String> database, Path dir, String name,
			String... settings) {
		List<CompletableFuture<ConfigurableApplicationContext>> starts = new ArrayList<>();
		for (String node : List.of("a", "b")) {
			List<String> args = new ArrayList<>(database);
			args.addAll(List.of(settings));
			args.add("--server.port=0");
			args.add("--waveplan.data-dir=" + dir.resolve(name + "-" + node));
			// one scheduler name per context: Quartz allows a name once per JVM (separate processes would share one)
			args.add("--spring.quartz.scheduler-name=two-nodes-" + name + "-" + node);
			starts.add(CompletableFuture
				.supplyAsync(() -> SpringApplication.run(WaveplanApplication.class, args.toArray(String[]::new))));
		}
		List<ConfigurableApplicationContext> nodes = new ArrayList<>();
		RuntimeException failed = null;
		for (CompletableFuture<ConfigurableApplicationContext> start : starts) {
			try {
				nodes.add(start.join());
			}
			catch (RuntimeException e) {
				failed = e;
			}
		}
		if (failed != null) {
			nodes.forEach(ConfigurableApplicationContext::close);
			throw failed;
		}
		return nodes;
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { a, b }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@Test
	void theFirstStartIsMadeOnce() {
		assertThat(jdbc.queryForList("select version from flyway_schema_history where success group by version "
				+ "having count(*) > 1", String.class)).as("migrations run twice").isEmpty();
		assertThat(jdbc.queryForList("select username from app_user order by username", String.class))
			.containsExactly("admin", "engineer", "producer", "site");
		assertThat(count("select count(*) from program where slug = 'korea-today'")).isEqualTo(1);
		assertThat(count("select count(*) from episode")).isEqualTo(1);
		assertThat(count("select count(*) from slot where frequency_khz = 11905")).isEqualTo(1);
		assertThat(count("select count(*) from site")).isEqualTo(3);
		assertThat(count("select count(*) from delivery_profile")).isEqualTo(3);
		assertThat(count("select count(*) from site_token where created_by = 'demo' and revoked_at is null"))
			.isEqualTo(1);
		// in the data folder of the instance that issued it, which the site agent then polls
		String token = tokenFile(a).orElseGet(() -> tokenFile(b).orElseThrow());
		assertThat(tokenFile(a).isPresent()).isNotEqualTo(tokenFile(b).isPresent());
		assertThat(manifest(a, "TAC", token).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(manifest(b, "TAC", token).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	/** Without the demo: one initial admin, whose password is in the data folder of the instance that made it. */
	@Test
	void theInitialAdminIsMadeOnce() throws IOException {
		Path dir = TestDirs.path("two-nodes");
		List<ConfigurableApplicationContext> nodes = startAtOnce(database("two_nodes_plain"), dir, "plain");
		try {
			List<Path> files = new ArrayList<>();
			for (ConfigurableApplicationContext node : nodes) {
				Path file = dataDir(node).resolve("initial-admin-password");
				if (Files.exists(file)) {
					files.add(file);
				}
			}
			assertThat(files).hasSize(1);
			String password = Files.readString(files.get(0)).trim();
			assertThat(nodes.get(0).getBean(JdbcTemplate.class)
				.queryForList("select username from app_user", String.class)).containsExactly("admin");
			for (ConfigurableApplicationContext node : nodes) {
				assertThat(anonymous(node).withBasicAuth("admin", password)
					.getForEntity("/api/users", String.class)
					.getStatusCode()).isEqualTo(HttpStatus.OK);
			}
		}
		finally {
			nodes.forEach(ConfigurableApplicationContext::close);
		}
	}

	@Test
	void aTokenRevokedOnOneNodeIsRefusedByTheOther() {
		JsonNode issued = as(a, "admin").postForObject("/api/sites/TAC/tokens", Map.of("label", "revoked"),
				JsonNode.class);
		String token = issued.path("token").asText();
		// B knows the token now, and would answer from what it remembers
		assertThat(manifest(b, "TAC", token).getStatusCode()).isEqualTo(HttpStatus.OK);
		as(a, "admin").delete("/api/sites/TAC/tokens/" + issued.path("record").path("id").asLong());
		assertThat(manifest(a, "TAC", token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		await().atMost(WITHIN)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> manifest(b, "TAC", token).getStatusCode() == HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aManifestChangedOnOneNodeIsServedByTheOther() {
		JsonNode issued = as(a, "admin").postForObject("/api/sites/TIN/tokens", Map.of("label", "polls"),
				JsonNode.class);
		String token = issued.path("token").asText();
		assertThat(airings(b, token)).isZero();
		// an airing three days ahead: in the manifest, not yet due to render
		String day = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
		ResponseEntity<JsonNode> slot = as(a, "engineer").postForEntity("/api/slots",
				Fixtures.with(Fixtures.slot("TIN", "T1", 9855, "07:00", "07:30"), "antenna", "AR-315", "validFrom", day,
						"validTo", day, "program", "korea-today"),
				JsonNode.class);
		assertThat(slot.getStatusCode()).as(String.valueOf(slot.getBody())).isEqualTo(HttpStatus.CREATED);
		// planned on A after the slot's commit, and A's own cache is cleared at once
		await().atMost(Duration.ofSeconds(30)).until(() -> airings(a, token) == 1);
		await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> airings(b, token) == 1);
	}

	@Test
	void readinessNeedsAWritableDataDirectory() throws IOException {
		Path dir = dataDir(b);
		assertThat(readiness(b)).isEqualTo(HttpStatus.OK);
		// root writes whatever the permissions: a data directory gone (an unmounted disk) stands for one that fails
		Path away = dir.resolveSibling(dir.getFileName() + "-away");
		Files.move(dir, away);
		try {
			// found by the next round of probes, every 2 s
			await().atMost(Duration.ofSeconds(10)).until(() -> readiness(b) == HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(readiness(a)).isEqualTo(HttpStatus.OK);
		}
		finally {
			Files.move(away, dir);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> readiness(b) == HttpStatus.OK);
	}

	private static HttpStatus readiness(ConfigurableApplicationContext node) {
		return HttpStatus.valueOf(anonymous(node).getForEntity("/actuator/health/readiness", String.class)
			.getStatusCode()
			.value());
	}

	private static int airings(ConfigurableApplicationContext node, String token) {
		ResponseEntity<JsonNode> manifest = manifest(node, "TIN", token);
		assertThat(manifest.getStatusCode()).isEqualTo(HttpStatus.OK);
		return manifest.getBody().path("airings").size();
	}

	private static Path dataDir(ConfigurableApplicationContext node) {
		return Path.of(node.getEnvironment().getRequiredProperty("waveplan.data-dir"));
	}

	private static int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	private static Optional<String> tokenFile(ConfigurableApplicationContext node) {
		Path file = dataDir(node).resolve("demo-site-token");
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static ResponseEntity<JsonNode> manifest(ConfigurableApplicationContext node, String site, String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return anonymous(node).exchange("/api/sites/" + site + "/manifest", HttpMethod.GET, new HttpEntity<>(headers),
				JsonNode.class);
	}

	private static TestRestTemplate anonymous(ConfigurableApplicationContext node) {
		return new TestRestTemplate(new RestTemplateBuilder()
			.rootUri("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort()));
	}

	private static TestRestTemplate as(ConfigurableApplicationContext node, String user) {
		return anonymous(node).withBasicAuth(user, user);
	}

}

package org.waveplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * PostgreSQL, spoken to over HTTP. They start at the same moment on an empty database with the demo profile and make
 * its data once; one whose data directory fails is not ready while the other is. Separate processes would share the
 * Quartz scheduler name; Quartz allows a name once per JVM, so here each context has its own. What a change on one
 * instance does on another, and a node killed mid-render, are {@link ClusterTest}'s, with separate JVMs.
 */
class TwoNodesTest {

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

}

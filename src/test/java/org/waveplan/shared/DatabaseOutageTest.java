package org.waveplan.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.waveplan.ApiTest;
import org.waveplan.EmbeddedPostgres;
import org.waveplan.TestDirs;
import org.waveplan.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database stops under a running instance, on a PostgreSQL of the test's own (the shared one serves the
 * other tests): sign-in, the site agents' manifest and the API answer 503 with {@code Retry-After}, readiness goes
 * DOWN, and all comes back by itself when the database does.
 */
@DirtiesContext
class DatabaseOutageTest extends ApiTest {

	private static final Path DATA = TestDirs.path("outage-pg");

	// a rendition's name, of none there is
	private static final String NO_FILE = "/api/sites/TAC/files/" + "0".repeat(64) + ".mp3";

	private static int port;

	private static volatile io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws IOException {
		FileSystemUtils.deleteRecursively(DATA);
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		start();
		// after the context, which @DirtiesContext closes while the database is there
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (IOException e) {
				// the JVM is going away
			}
		}));
		registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("waveplan.data-dir", () -> TestDirs.path("test-data-outage").toString());
		registry.add("waveplan.delivery.key-encryption-key", () -> EmbeddedPostgres.KEY_ENCRYPTION_KEY);
		registry.add("spring.quartz.scheduler-name", () -> "waveplan-outage");
	}

	private static void start() throws IOException {
		server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(DATA.resolve("db"))
			.setCleanDataDirectory(false)
			.start();
	}


	@Test
	void anOutageIsAnswered503WithRetryAfterAndAllComesBackWithTheDatabase() throws IOException {
		fixtures().site("TAC", 1);
		String token = issue();
		String other = issue();
		assertThat(get(producer(), "/api/programs").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(status("/actuator/health/readiness")).isEqualTo(HttpStatus.OK);
		// the token is now known for a few seconds (SiteTokens.REMEMBERED): its next request gets past sign-in
		assertThat(rest.exchange(NO_FILE, HttpMethod.GET, bearer(token), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		server.close();
		try {
			// a controller's query: the API's exception handler
			assertOutage(rest.exchange(NO_FILE, HttpMethod.GET, bearer(token), JsonNode.class));
			// the user lookup inside sign-in: not "bad credentials"
			assertOutage(producer().exchange("/api/programs", HttpMethod.GET, null, JsonNode.class));
			// the manifest of a known token, in the manifest fast path
			assertOutage(rest.exchange("/api/sites/TAC/manifest", HttpMethod.GET, bearer(token), JsonNode.class));
			// an unknown token's lookup, in the manifest fast path and the security chain
			assertOutage(rest.exchange("/api/sites/TAC/manifest", HttpMethod.GET, bearer(other), JsonNode.class));
			assertThat(status("/actuator/health/readiness")).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(status("/actuator/health/liveness")).isEqualTo(HttpStatus.OK);
		}
		finally {
			start();
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(status("/actuator/health/readiness")).isEqualTo(HttpStatus.OK));
		assertThat(get(producer(), "/api/programs").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rest.exchange("/api/sites/TAC/manifest", HttpMethod.GET, bearer(token), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private String issue() {
		return post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody().get("token").asText();
	}

	private static void assertOutage(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:database-unavailable");
	}

	private HttpStatus status(String url) {
		return HttpStatus.valueOf(rest.getForEntity(url, String.class).getStatusCode().value());
	}

	private static HttpEntity<Void> bearer(String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return new HttpEntity<>(headers);
	}

}

package org.waveplan;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.waveplan.security.Role;
import org.waveplan.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the end-to-end tests: the whole application on a random port with an in-memory H2,
 * spoken to over real HTTP. Each test starts from an empty schedule. Module events are handled after their
 * change commits, on other threads: a read through {@link #get} first waits until all are handled.
 * <p>
 * A test JVM keeps the contexts of several test classes, and their clustered Quartz schedulers keep running: each
 * context has a database, a data directory and a scheduler name of its own ({@link TestApplications}), or one context's
 * scheduler would run another's jobs with its own beans and files (seen: a bundle built in another context's work
 * directory, and waiting a minute for its retry there). Quartz also keys its database connections by the
 * scheduler's name, JVM-wide.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:waveplan-${waveplan.test.context};DB_CLOSE_DELAY=-1",
				"waveplan.data-dir=${waveplan.test.dir:target}/test-data/${waveplan.test.context}",
				"spring.quartz.scheduler-name=waveplan-${waveplan.test.context}",
				// what BundleApiTest plants in an episode's title
				"waveplan.bundles.forbidden-strings=Free Korea Sound,Waveplan Test Org",
				// BundleApiTest waits for a second attempt
				"waveplan.bundles.retry-backoff=3s" })
public abstract class ApiTest {

	static {
		// three test JVMs share two cores: what takes a second alone may take ten; a wait still ends on a failure
		Awaitility.setDefaultTimeout(Duration.ofMinutes(1));
	}

	public static final String PASSWORD_SUFFIX = "-secret-password";

	@Autowired
	protected TestRestTemplate rest;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	private UserAccounts accounts;

	private Fixtures fixtures;

	@BeforeEach
	void emptySchedule() {
		// what the test before published is handled before its tables are emptied, not during this test
		awaitEventsHandled();
		for (String table : new String[] { "site_token", "render", "rendition", "delivery_profile", "airing", "queue_entry", "episode", "program", "slot", "external_entry",
				"antenna", "transmitter", "site" }) {
			jdbc.update("delete from " + table);
		}
		for (Role role : Role.values()) {
			String name = role.name().toLowerCase() + "1";
			if (!accounts.exists(name)) {
				accounts.create(name, name + PASSWORD_SUFFIX, role);
			}
		}
	}

	/** A client logged in as a user with the role. */
	protected TestRestTemplate as(Role role) {
		String name = role.name().toLowerCase() + "1";
		return rest.withBasicAuth(name, name + PASSWORD_SUFFIX);
	}

	protected TestRestTemplate engineer() {
		return as(Role.ENGINEER);
	}

	protected TestRestTemplate producer() {
		return as(Role.PRODUCER);
	}

	/** Sites, programs, episodes and slots made through the API by engineer1 and producer1. */
	protected Fixtures fixtures() {
		if (fixtures == null) {
			fixtures = new Fixtures(engineer(), producer());
		}
		return fixtures;
	}

	protected ResponseEntity<JsonNode> post(TestRestTemplate client, String url, Object body) {
		return client.postForEntity(url, body, JsonNode.class);
	}

	protected ResponseEntity<JsonNode> put(TestRestTemplate client, String url, Object body) {
		return client.exchange(url, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
	}

	protected ResponseEntity<JsonNode> get(TestRestTemplate client, String url) {
		awaitEventsHandled();
		return client.getForEntity(url, JsonNode.class);
	}

	/** Waits until every module event published so far has been handled: its publication is then deleted. */
	protected void awaitEventsHandled() {
		await().atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(jdbc.queryForList("select listener_id from event_publication", String.class))
				.as("module events still to be handled")
				.isEmpty());
	}

	/** Posts a raw file body, as a schedule import takes it. */
	protected ResponseEntity<JsonNode> upload(TestRestTemplate client, String url, byte[] file) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.TEXT_PLAIN);
		return client.postForEntity(url, new HttpEntity<>(file, headers), JsonNode.class);
	}

}

package org.waveplan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;
import org.waveplan.agent.SiteAgent;
import org.waveplan.audio.Ffmpeg;
import org.waveplan.delivery.ManifestFormat;
import org.waveplan.shared.S3Server;
import org.waveplan.shared.Sha256;

import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/**
 * Two instances of the service as separate processes ({@link ClusterNode}), on one PostgreSQL database and one S3
 * bucket, as an operator runs them behind a load balancer: started at once on an empty database, they make its
 * first state once; a file rendered by the cluster reaches a site through either node, verified by the site agent;
 * a token revoked, a key rotated and a manifest changed on one node hold on the other within 5 s; and a node killed
 * (SIGKILL) in the middle of a render leaves it to the other, which finishes it with no new request. The nodes start
 * once for all; the kill comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

	private static final Duration WITHIN = Duration.ofSeconds(5);

	// the long render: long enough on two cores that the kill surely lands in its middle, short enough to redo
	private static final int LONG_MINUTES = 4;

	private static final Map<String, Object> AM = Map.of("codec", "MP3", "bitrateKbps", 48, "sampleRate", 22050,
			"channels", 1, "preset", "am-sw");

	private static Path dir;

	private static String bucket;

	private static Map<String, String> settings;

	private static ClusterNode a;

	private static ClusterNode b;

	private static String password;

	private static Path token;

	private static Path publicKey;

	private static long shortAiring;

	private static long longAiring;

	/** Any failure, of a test or of the start, comes with what the nodes logged last. */
	@RegisterExtension
	static final NodeLogsOnFailure LOGS_ON_FAILURE = new NodeLogsOnFailure();

	@BeforeAll
	static void startTwoNodes() throws Exception {
		dir = TestDirs.path("cluster").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		bucket = S3Server.bucket();
		settings = new LinkedHashMap<>(ClusterNode.settings("cluster", bucket));
		// the tests' PostgreSQL serves every test of this JVM: no idle connections held beyond need
		settings.put("spring.datasource.hikari.minimum-idle", "2");
		a = ClusterNode.start("a", dir, settings);
		b = ClusterNode.start("b", dir, settings);
		// meanwhile, the episodes
		Path shortEpisode = speech(dir.resolve("short.mp3"), 1);
		Path longEpisode = speech(dir.resolve("long.mp3"), LONG_MINUTES);
		a.awaitReady();
		b.awaitReady();
		// the initial admin, made by one of them
		Path made = Stream.of(a, b)
			.map(node -> node.dataDir().resolve("initial-admin-password"))
			.filter(Files::exists)
			.findFirst()
			.orElseThrow();
		password = Files.readString(made).trim();

		Fixtures fixtures = new Fixtures(admin(a));
		fixtures.site("TAC", 1, "TX1");
		fixtures.deliveryProfile("TAC", AM);
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		shortAiring = airing(fixtures, "short", shortEpisode, 1, 7345, "20:00", tomorrow);
		longAiring = airing(fixtures, "long", longEpisode, LONG_MINUTES, 9550, "21:00", tomorrow);

		JsonNode issued = admin(a).postForObject("/api/sites/TAC/tokens", Map.of("label", "agent"), JsonNode.class);
		token = Files.writeString(dir.resolve("token"), issued.get("token").asText());
		publicKey = Files.writeString(dir.resolve("key.pub"), currentKey(a).get("publicKey").asText());
	}

	@AfterAll
	static void stopNodes() {
		CompletableFuture.allOf(Stream.of(a, b)
			.filter(node -> node != null)
			.map(node -> CompletableFuture.runAsync(node::stop))
			.toArray(CompletableFuture[]::new)).join();
	}

	/** Both started at once on an empty database: it was migrated once, and one made the first admin and key. */
	@Test
	@Order(0)
	void theFirstStartIsMadeOnce() {
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(settings.get("spring.datasource.url"),
				settings.get("spring.datasource.username"), settings.get("spring.datasource.password")));
		assertThat(jdbc.queryForList("select version from flyway_schema_history where success group by version"
				+ " having count(*) > 1", String.class)).as("migrations run twice").isEmpty();
		assertThat(jdbc.queryForList("select username from app_user", String.class)).containsExactly("admin");
		assertThat(Stream.of(a, b).filter(node -> Files.exists(node.dataDir().resolve("initial-admin-password"))))
			.hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from signing_key", Integer.class)).isEqualTo(1);
		// the two nodes are one Quartz cluster
		assertThat(jdbc.queryForObject("select count(*) from qrtz_scheduler_state", Integer.class)).isEqualTo(2);
	}

	@Test
	@Order(1)
	void aRenderMadeOnOneNodeIsDownloadedFromEitherVerified() throws Exception {
		ResponseEntity<JsonNode> asked = admin(a).postForEntity("/api/airings/" + shortAiring + "/render", null,
				JsonNode.class);
		assertThat(asked.getStatusCode()).as(String.valueOf(asked.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		await("the short render done, seen from node b").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> render(b, shortAiring).get("state").asText().equals("done"));
		JsonNode file = render(b, shortAiring).get("file");
		String name = render(b, shortAiring).get("renditionKey").asText() + ".mp3";
		assertThat(a.logged("rendering Short")).as("rendered by one node").isNotEqualTo(b.logged("rendering Short"));
		System.out.println("the short render ran on node " + (a.logged("rendering Short") ? a : b).name());

		// each node serves it from the bucket, the one that did not render it too
		for (ClusterNode node : List.of(b, a)) {
			Path site = dir.resolve("site-" + node.name());
			assertThat(agentRound(node, publicKey, site)).as("the agent's round on node " + node.name()).isZero();
			assertThat(site.resolve(name)).exists();
			assertThat(Sha256.of(site.resolve(name))).isEqualTo(file.get("sha256").asText());
			assertThat(Files.size(site.resolve(name))).isEqualTo(file.get("sizeBytes").asLong());
		}
	}

	@Test
	@Order(2)
	void aTokenRevokedAKeyRotatedAndAManifestChangedOnANodeHoldOnTheOtherWithinFiveSeconds() throws Exception {
		JsonNode issued = admin(a).postForObject("/api/sites/TAC/tokens", Map.of("label", "revoked"), JsonNode.class);
		String revoked = issued.get("token").asText();
		// B knows the token now, and would answer from what it remembers
		assertThat(manifest(b, revoked).getStatusCode()).isEqualTo(HttpStatus.OK);
		int airings = airings(b);
		JsonNode first = currentKey(b);
		assertThat(currentKey(a)).isEqualTo(first);
		assertThat(signedBy(manifest(b, siteToken()), first)).isTrue();

		// three changes on A at once, followed by B meanwhile
		admin(a).delete("/api/sites/TAC/tokens/" + issued.get("record").get("id").asLong());
		long revokedAt = System.nanoTime();
		JsonNode rotated = admin(a).postForObject("/api/delivery/signing-key/rotate", null, JsonNode.class);
		long rotatedAt = System.nanoTime();
		assertThat(rotated.get("keyId").asText()).isNotEqualTo(first.get("keyId").asText());
		Fixtures fixtures = new Fixtures(admin(a));
		fixtures.program("later", 1);
		String later = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
		fixtures.bindSlot(with(slot("TAC", "TX1", 11700, "07:00", "07:01"), "validFrom", later, "validTo", later),
				"later");

		assertThat(manifest(a, revoked).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		long refused = heldWithin("node b refusing the revoked token", WITHIN, revokedAt,
				() -> manifest(b, revoked).getStatusCode() == HttpStatus.UNAUTHORIZED);
		// B reads the current key again every 5 s; the margin is for the polls on a loaded machine
		long signs = heldWithin("node b signing with the rotated key", WITHIN.plusSeconds(1), rotatedAt,
				() -> signedBy(manifest(b, siteToken()), rotated));
		// planned on A after the slot's commit, and A's own cache is cleared at once
		heldWithin("node a serving the new airing", Duration.ofSeconds(30), System.nanoTime(),
				() -> airings(a) == airings + 1);
		long served = heldWithin("node b serving the new airing", WITHIN, System.nanoTime(),
				() -> airings(b) == airings + 1);
		System.out.printf("node b refused the token revoked on node a after %d ms, signed with the key rotated there"
				+ " after %d ms, served its changed manifest %d ms after it did%n", refused, signs, served);

		publicKey = Files.writeString(dir.resolve("key.pub"), rotated.get("publicKey").asText());
		// the agent pinned to the new key takes B's manifest
		assertThat(agentRound(b, publicKey, dir.resolve("site-rotated"))).isZero();
	}

	@Test
	@Order(3)
	void aNodeKilledMidRenderLeavesTheRenderToTheOther() throws Exception {
		ResponseEntity<JsonNode> asked = admin(a).postForEntity("/api/airings/" + longAiring + "/render", null,
				JsonNode.class);
		assertThat(asked.getStatusCode()).as(String.valueOf(asked.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		// whichever node's Quartz took the job runs it; it is the one killed
		await("a node starts the long render").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> a.logged("rendering Long") || b.logged("rendering Long"));
		ClusterNode killed = a.logged("rendering Long") ? a : b;
		ClusterNode other = killed == a ? b : a;
		await("the long render running past 10 %").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				JsonNode render = render(other, longAiring);
				return render.get("state").asText().equals("running") && render.get("progress").asDouble() >= 0.1;
			});
		JsonNode cut = render(other, longAiring);
		assertThat(cut.get("attempts").asInt()).isEqualTo(1);
		assertThat(other.logged("rendering Long")).as("node " + other.name() + " rendered it too").isFalse();
		killed.kill();
		long killedAt = System.nanoTime();
		JsonNode left = render(other, longAiring);
		assertThat(left.get("state").asText()).as("cut short: " + left).isEqualTo("running");
		System.out.printf("node %s killed (SIGKILL) at %.0f%% of the render%n", killed.name(),
				left.get("progress").asDouble() * 100);

		// the other's Quartz finds the killed node missing its check-ins, and runs its job again: the render claimed
		// anew, a second attempt
		Duration found = ClusterNode.CHECK_IN.multipliedBy(2).plus(ClusterNode.QUARTZ_FAILURE_MARGIN);
		await("node " + other.name() + " taking the render over").atMost(found.plusSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> render(other, longAiring).get("attempts").asInt() == 2);
		Duration takenOver = Duration.ofNanos(System.nanoTime() - killedAt);
		await("node " + other.name() + " finishing the render").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !render(other, longAiring).get("state").asText().equals("running"));
		Duration finished = Duration.ofNanos(System.nanoTime() - killedAt);
		System.out.printf("failover: node %s took the render over %.1f s after the kill and finished it %.1f s after"
				+ " the kill (%.1f s of rendering)%n", other.name(), takenOver.toMillis() / 1000.0,
				finished.toMillis() / 1000.0, (finished.toMillis() - takenOver.toMillis()) / 1000.0);

		JsonNode done = render(other, longAiring);
		assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
		assertThat(other.logged("rendering Long")).isTrue();
		JsonNode file = done.get("file");
		assertThat(file.get("durationSeconds").asDouble()).isCloseTo(LONG_MINUTES * 60, within(0.05));
		String name = done.get("renditionKey").asText() + ".mp3";
		Path site = dir.resolve("site-after-kill");
		assertThat(agentRound(other, publicKey, site)).isZero();
		assertThat(Sha256.of(site.resolve(name))).isEqualTo(file.get("sha256").asText());
		assertThat(Files.size(site.resolve(name))).isEqualTo(file.get("sizeBytes").asLong());
		// the bucket holds the renditions of the renders done, whole, and nothing of the run cut short
		List<String> renditions = StreamSupport.stream(admin(other).getForObject("/api/renders?site=TAC&state=done",
				JsonNode.class).spliterator(), false).map(r -> r.get("renditionKey").asText() + ".mp3").toList();
		assertThat(renditions).contains(name);
		try (S3Client s3 = S3Server.client()) {
			assertThat(s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("waveplan/renders/"))
				.contents()
				.stream()
				.map(object -> object.key().substring(object.key().lastIndexOf('/') + 1))
				.toList()).containsExactlyInAnyOrderElementsOf(renditions);
		}
	}

	/** A program of the length, its episode queued, bound to a slot tomorrow at TAC: its airing's id. */
	private static long airing(Fixtures fixtures, String program, Path episode, int minutes, int khz, String start,
			String day) {
		fixtures.program(program, minutes);
		String title = Character.toUpperCase(program.charAt(0)) + program.substring(1);
		fixtures.queue(program, fixtures.episode(program, episode, title));
		String stop = start.substring(0, 3) + String.format("%02d", minutes);
		fixtures.bindSlot(with(slot("TAC", "TX1", khz, start, stop), "validFrom", day, "validTo", day), program);
		// planned and its render queued after the slot's commit, on another thread
		await("the render of " + program + " planned").atMost(Duration.ofSeconds(30))
			.until(() -> renders(a, program).size() == 1);
		return renders(a, program).get(0).get("airingId").asLong();
	}

	private static List<JsonNode> renders(ClusterNode node, String program) {
		JsonNode all = admin(node).getForObject("/api/renders?site=TAC", JsonNode.class);
		return StreamSupport.stream(all.spliterator(), false)
			.filter(r -> r.get("program").asText().equals(program))
			.toList();
	}

	private static JsonNode render(ClusterNode node, long airing) {
		return admin(node).getForObject("/api/renders?airing=" + airing, JsonNode.class).get(0);
	}

	/** Speech-like noise, in MP3 as producers upload it. */
	private static Path speech(Path file, int minutes) {
		assertThat(new Ffmpeg().run(List.of("-y", "-f", "lavfi", "-i",
				"anoisesrc=color=pink:amplitude=0.3:duration=" + minutes * 60 + ":seed=7,tremolo=f=3:d=0.8", "-ar",
				"44100", "-ac", "1", "-b:a", "96k", file.toString()), Duration.ofMinutes(1)).exitCode()).isZero();
		return file;
	}

	private static int agentRound(ClusterNode node, Path key, Path site) throws Exception {
		return SiteAgent.run(List.of("--server", node.baseUrl(), "--site", "TAC", "--token-file", token.toString(),
				"--signing-key", key.toString(), "--dir", Files.createDirectories(site).toString(), "--once"));
	}

	/** Waits until the condition holds, at most the limit after {@code since} (nanoTime): the milliseconds it took. */
	private static long heldWithin(String what, Duration limit, long since, Callable<Boolean> condition) {
		Duration left = limit.minusNanos(System.nanoTime() - since);
		await(what).atMost(left.isNegative() ? Duration.ofMillis(1) : left)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(condition);
		return Duration.ofNanos(System.nanoTime() - since).toMillis();
	}

	/** The airings in the site's manifest, as the node serves it. */
	private static int airings(ClusterNode node) throws Exception {
		ResponseEntity<byte[]> manifest = manifest(node, siteToken());
		assertThat(manifest.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ManifestFormat.read(manifest.getBody()).airings().size();
	}

	private static String siteToken() throws IOException {
		return Files.readString(token).trim();
	}

	private static JsonNode currentKey(ClusterNode node) {
		return admin(node).getForObject("/api/delivery/signing-key", JsonNode.class).get("current");
	}

	private static boolean signedBy(ResponseEntity<byte[]> manifest, JsonNode key) throws Exception {
		String header = manifest.getHeaders().getFirst(ManifestFormat.SIGNATURE_HEADER);
		return manifest.getStatusCode() == HttpStatus.OK && header.contains("keyid=\"" + key.get("keyId").asText() + "\"")
				&& ManifestFormat.verifies(manifest.getBody(), header,
						ManifestFormat.publicKey(key.get("publicKey").asText()));
	}

	private static ResponseEntity<byte[]> manifest(ClusterNode node, String bearer) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(bearer.trim());
		return anonymous(node).exchange("/api/sites/TAC/manifest", HttpMethod.GET, new HttpEntity<>(headers),
				byte[].class);
	}

	private static TestRestTemplate anonymous(ClusterNode node) {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(node.baseUrl()));
	}

	private static TestRestTemplate admin(ClusterNode node) {
		return anonymous(node).withBasicAuth("admin", password);
	}

	private static final class NodeLogsOnFailure
			implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

		@Override
		public void handleTestExecutionException(ExtensionContext context, Throwable failure) {
			throw withLogs(failure);
		}

		@Override
		public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) {
			throw withLogs(failure);
		}

		private static AssertionError withLogs(Throwable failure) {
			List<ClusterNode> nodes = Stream.of(a, b).filter(node -> node != null).toList();
			return new AssertionError(failure.getMessage() + "\n" + ClusterNode.tails(40, nodes.toArray(ClusterNode[]::new)),
					failure);
		}

	}

}

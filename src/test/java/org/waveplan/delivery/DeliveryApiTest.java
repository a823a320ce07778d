package org.waveplan.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.JobKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.waveplan.StoredFiles;
import org.waveplan.StoredFiles.Area;
import org.waveplan.pipeline.RenderTestSupport;
import org.waveplan.security.Role;
import org.waveplan.shared.Sha256;

import static org.assertj.core.api.Assertions.assertThat;

/** A site pulls through the real server: signed manifest, resumable files with their digest, receipts, states. */
class DeliveryApiTest extends RenderTestSupport {

	@Autowired
	SiteTokens tokens;

	@Autowired
	Manifests manifests;

	@Autowired
	Environment environment;

	@Autowired
	AgentPollLog pollLog;

	@Autowired
	AgentPollTable pollTable;

	@Autowired
	AgentPolls polls;

	@Autowired
	DeliveryProperties settings;

	private static final JobKey LATE_WATCH = JobKey.jobKey("late-watch", "delivery");

	private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern
		.compile("keyid=\"([0-9a-f]+)\", alg=\"ed25519\", sig=\"([^\"]+)\"");

	@Test
	void aSitePullsItsSignedManifestAndResumableFilesAndConfirmsThem() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		post(producer(), "/api/airings/" + airing(renders(""), "TAC") + "/render", null);
		awaitAll("done", 3);
		String token = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();

		ResponseEntity<byte[]> manifest = as(token, HttpMethod.GET, "/api/sites/TAC/manifest", new HttpHeaders());
		assertThat(manifest.getStatusCode()).isEqualTo(HttpStatus.OK);
		verify(manifest);
		JsonNode body = new ObjectMapper().readTree(manifest.getBody());
		assertThat(body.get("site").asText()).isEqualTo("TAC");
		long version = body.get("version").asLong();
		assertThat(body.get("airings")).hasSize(1);
		JsonNode entry = body.get("airings").get(0);
		assertThat(entry.get("frequencyKhz").asInt()).isEqualTo(7345);
		JsonNode file = entry.get("file");
		assertThat(file.get("name").asText()).matches("[0-9a-f]{64}\\.mp3");
		// unchanged: the same bytes, ETag and version; If-None-Match gives 304
		ResponseEntity<byte[]> again = as(token, HttpMethod.GET, "/api/sites/TAC/manifest", new HttpHeaders());
		assertThat(again.getBody()).isEqualTo(manifest.getBody());
		HttpHeaders cached = new HttpHeaders();
		cached.setIfNoneMatch(manifest.getHeaders().getETag());
		assertThat(as(token, HttpMethod.GET, "/api/sites/TAC/manifest", cached).getStatusCode())
			.isEqualTo(HttpStatus.NOT_MODIFIED);

		String url = file.get("url").asText();
		ResponseEntity<byte[]> whole = as(token, HttpMethod.GET, url, new HttpHeaders());
		assertThat(whole.getStatusCode()).isEqualTo(HttpStatus.OK);
		byte[] bytes = whole.getBody();
		assertThat(bytes).hasSize(file.get("sizeBytes").asInt());
		assertThat(Sha256.hex(bytes))
			.isEqualTo(file.get("sha256").asText());
		assertThat(whole.getHeaders().getFirst("Repr-Digest")).isEqualTo("sha-256=:"
				+ Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.get("sha256").asText())) + ":");
		assertThat(whole.getHeaders().getETag()).isEqualTo("\"" + file.get("sha256").asText() + "\"");
		assertThat(whole.getHeaders().getLastModified()).isPositive();

		HttpHeaders range = new HttpHeaders();
		range.set(HttpHeaders.RANGE, "bytes=100-1099");
		range.set(HttpHeaders.IF_RANGE, whole.getHeaders().getETag());
		ResponseEntity<byte[]> part = as(token, HttpMethod.GET, url, range);
		assertThat(part.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
		assertThat(part.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 100-1099/" + bytes.length);
		assertThat(part.getBody()).isEqualTo(Arrays.copyOfRange(bytes, 100, 1100));
		HttpHeaders rest = new HttpHeaders();
		rest.set(HttpHeaders.RANGE, "bytes=1100-");
		assertThat(as(token, HttpMethod.GET, url, rest).getBody())
			.isEqualTo(Arrays.copyOfRange(bytes, 1100, bytes.length));
		HttpHeaders stale = new HttpHeaders();
		stale.set(HttpHeaders.RANGE, "bytes=100-199");
		stale.set(HttpHeaders.IF_RANGE, "\"another-file\"");
		assertThat(as(token, HttpMethod.GET, url, stale).getStatusCode()).isEqualTo(HttpStatus.OK);
		HttpHeaders past = new HttpHeaders();
		past.set(HttpHeaders.RANGE, "bytes=" + bytes.length + "-");
		ResponseEntity<byte[]> unsatisfiable = as(token, HttpMethod.GET, url, past);
		assertThat(unsatisfiable.getStatusCode()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
		assertThat(unsatisfiable.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */" + bytes.length);
		ResponseEntity<byte[]> head = as(token, HttpMethod.HEAD, url, new HttpHeaders());
		assertThat(head.getHeaders().getContentLength()).isEqualTo(bytes.length);

		// receipts: a wrong hash is refused, the right one confirms
		long airing = entry.get("airingId").asLong();
		assertThat(receipt(token, "TAC", airing, "0".repeat(64)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(get(engineer(), "/api/deliveries?site=TAC").getBody().get(0).get("state").asText())
			.isEqualTo("FETCHED");
		assertThat(receipt(token, "TAC", airing, file.get("sha256").asText()).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(get(engineer(), "/api/deliveries?site=TAC&state=confirmed").getBody()).hasSize(1);
		scheduler.triggerJob(LATE_WATCH);
		org.awaitility.Awaitility.await().ignoreExceptions().untilAsserted(() -> assertThat(meters.get("waveplan.deliveries").tag("site", "TAC").tag("state", "confirmed").gauge().value())
			.isEqualTo(1.0));

		// a change of content is a new version
		bindSlot("TAC", 7345, "22:00", "22:01");
		JsonNode changed = new ObjectMapper()
			.readTree(as(token, HttpMethod.GET, "/api/sites/TAC/manifest", new HttpHeaders()).getBody());
		assertThat(changed.get("version").asLong()).isGreaterThan(version);
		assertThat(changed.get("airings")).hasSize(2);

		// a site's first manifest comes after every version issued: restored from a dump older than it, the site's
		// agent holds a version the database lost
		String krj = post(as(Role.ADMIN), "/api/sites/KRJ/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		assertThat(new ObjectMapper().readTree(as(krj, HttpMethod.GET, "/api/sites/KRJ/manifest", new HttpHeaders())
			.getBody()).get("version").asLong()).isGreaterThan(changed.get("version").asLong());
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aTokenReachesNeitherAnotherSitesFilesNorAnythingOutsideTheRenders(CapturedOutput output) throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		post(producer(), "/api/airings/" + airing(renders(""), "TAC") + "/render", null);
		List<JsonNode> done = awaitAll("done", 3);
		String krjFile = render(done, "KRJ").get("renditionKey").asText() + ".flac";
		String token = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		assertThat(as(token, HttpMethod.GET, "/api/sites/KRJ/files/" + krjFile, new HttpHeaders()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as(token, HttpMethod.GET, "/api/sites/TAC/files/" + krjFile, new HttpHeaders()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as(token, HttpMethod.GET, "/api/sites/KRJ/manifest", new HttpHeaders()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		Path secret = Files.writeString(temp.resolve("secret.txt"), "not for sites");
		for (String attempt : List.of("/api/sites/TAC/files/..%2F..%2F" + secret, "/api/sites/TAC/files/%2e%2e%2fwaveplan.mv.db",
				"/api/sites/TAC/files/../../../../etc/passwd", "/api/sites/TAC/files/..%252F..%252Fetc%252Fpasswd",
				"/api/sites/TAC/files/work")) {
			ResponseEntity<byte[]> refused = rest.exchange(java.net.URI.create(rest.getRootUri() + attempt),
					HttpMethod.GET, new HttpEntity<>(bearer(token)), byte[].class);
			assertThat(refused.getStatusCode().value()).as(attempt).isIn(400, 403, 404);
			assertThat(refused.getBody() == null ? "" : new String(refused.getBody(), StandardCharsets.UTF_8))
				.doesNotContain("not for sites", "root:");
		}
		assertThat(receipt(token, "KRJ", airing(done, "KRJ"), "0".repeat(64)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(receipt(token, "TAC", airing(done, "KRJ"), "0".repeat(64)).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		// a file the manifest lists but gone from storage: a problem before any byte, never 200 and nothing
		String tacFile = render(done, "TAC").get("renditionKey").asText() + ".mp3";
		try (AutoCloseable hidden = new StoredFiles(environment).hide(Area.RENDERS, tacFile.substring(0, 2) + "/" + tacFile)) {
			for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
				ResponseEntity<byte[]> gone = as(token, method, "/api/sites/TAC/files/" + tacFile, new HttpHeaders());
				assertThat(gone.getStatusCode()).as(method.name()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(gone.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).as(method.name()).isEqualTo("300");
			}
			ResponseEntity<JsonNode> problem = rest.exchange("/api/sites/TAC/files/" + tacFile, HttpMethod.GET,
					new HttpEntity<>(bearer(token)), JsonNode.class);
			assertThat(problem.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:file-unavailable");
			assertThat(problem.getBody().get("detail").asText()).contains(tacFile);
			assertThat(output.getAll()).contains("the rendition " + tacFile + " of airing " + airing(done, "TAC")
					+ " is listed as done but is missing in storage");
		}
	}

	@Test
	void aSitesOwnManifestTakesTheQuickWayAndAnswersAsTheGeneralWayDoes() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		String token = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		double counted = served(ManifestFastPath.PATTERN, null);

		ResponseEntity<byte[]> quick = as(token, HttpMethod.GET, "/api/sites/TAC/manifest", new HttpHeaders());
		ResponseEntity<byte[]> general = as(Role.ADMIN).exchange("/api/sites/TAC/manifest", HttpMethod.GET, null,
				byte[].class);
		assertThat(quick.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(quick.getBody()).isEqualTo(general.getBody());
		assertThat(headersBut(HttpHeaders.DATE, quick)).containsKeys("etag", "waveplan-signature", "content-length")
			.isEqualTo(headersBut(HttpHeaders.DATE, general));
		ResponseEntity<byte[]> head = as(token, HttpMethod.HEAD, "/api/sites/TAC/manifest", new HttpHeaders());
		assertThat(head.getBody()).isNull();
		assertThat(head.getHeaders().getContentLength()).isEqualTo(quick.getBody().length);
		// counted in the request metrics under the endpoint's pattern, as the general way is
		org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(served(ManifestFastPath.PATTERN, null)).isEqualTo(counted + 3));

		assertThat(quickWay("GET", "/api/sites/TAC/manifest", token).getContentAsByteArray()).isEqualTo(quick.getBody());

		// the quick way allows nothing more: what it does not answer goes the general way, and is refused there
		String krj = post(as(Role.ADMIN), "/api/sites/KRJ/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		assertThat(as(krj, HttpMethod.GET, "/api/sites/TAC/manifest", new HttpHeaders()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(quickWay("GET", "/api/sites/TAC/manifest", krj)).isNull();
		assertThat(as(token, HttpMethod.GET, "/api/sites/tac/manifest", new HttpHeaders()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(quickWay("GET", "/api/sites/tac/manifest", token)).isNull();
		assertThat(quickWay("POST", "/api/sites/TAC/manifest", token)).isNull();
		assertThat(as("wps_" + "x".repeat(43), HttpMethod.GET, "/api/sites/TAC/manifest", new HttpHeaders())
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(as(token, HttpMethod.DELETE, "/api/sites/TAC/manifest", new HttpHeaders()).getStatusCode().value())
			.isIn(403, 405);
		for (String attempt : List.of("/api/sites/KRJ%2F..%2FTAC/manifest", "/api/sites/KRJ/../TAC/manifest",
				"/api/sites/TAC/manifest/")) {
			assertThat(quickWay("GET", attempt, token)).as(attempt).isNull();
			ResponseEntity<byte[]> refused = rest.exchange(java.net.URI.create(rest.getRootUri() + attempt),
					HttpMethod.GET, new HttpEntity<>(bearer(token)), byte[].class);
			assertThat(refused.getStatusCode().value()).as(attempt).isIn(400, 403, 404);
		}
	}

	@Test
	void anAgentsPollsAreRecordedWithTheirVersionWrittenNewestFirstAndItFallsSilent() throws Exception {
		// a site no other test polls: the polls of this context's other tests stay in memory and in the table
		fixtures().site("POL", 3, "TX1");
		JsonNode issued = post(as(Role.ADMIN), "/api/sites/POL/tokens", Map.of("label", "agent")).getBody();
		String token = issued.get("token").asText();
		long tokenId = issued.get("record").get("id").asLong();
		JsonNode never = get(engineer(), "/api/sites/POL/agent").getBody();
		assertThat(never.has("lastPollAt")).isFalse();
		assertThat(never.get("silent").asBoolean()).as("a token that never polled").isTrue();
		ResponseEntity<JsonNode> unknown = get(engineer(), "/api/sites/NOP/agent");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
		assertThat(as(token, HttpMethod.GET, "/api/sites/POL/agent", new HttpHeaders()).getStatusCode())
			.as("people's view, not the site's").isEqualTo(HttpStatus.FORBIDDEN);

		// a person reading the manifest is not the agent polling
		assertThat(as(Role.ADMIN).exchange("/api/sites/POL/manifest", HttpMethod.GET, null, byte[].class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get(engineer(), "/api/sites/POL/agent").getBody().has("lastPollAt")).isFalse();

		HttpHeaders every30s = new HttpHeaders();
		every30s.set(ManifestFormat.POLL_INTERVAL_HEADER, "30");
		ResponseEntity<byte[]> manifest = as(token, HttpMethod.GET, "/api/sites/POL/manifest", every30s);
		long version = new ObjectMapper().readTree(manifest.getBody()).get("version").asLong();
		java.time.Instant polled = clock.instant();
		JsonNode agent = get(engineer(), "/api/sites/POL/agent").getBody();
		assertThat(java.time.Instant.parse(agent.get("lastPollAt").asText())).isEqualTo(polled);
		assertThat(agent.get("version").asLong()).isEqualTo(version);
		assertThat(agent.get("intervalSeconds").asInt()).isEqualTo(30);
		assertThat(agent.get("tokenId").asLong()).isEqualTo(tokenId);
		assertThat(agent.get("silent").asBoolean()).isFalse();

		// an unchanged manifest (304) is a poll too, with the version the agent holds
		clock.advance(java.time.Duration.ofSeconds(10));
		HttpHeaders unchanged = new HttpHeaders();
		unchanged.set(ManifestFormat.POLL_INTERVAL_HEADER, "30");
		unchanged.setIfNoneMatch(manifest.getHeaders().getETag());
		assertThat(as(token, HttpMethod.GET, "/api/sites/POL/manifest", unchanged).getStatusCode())
			.isEqualTo(HttpStatus.NOT_MODIFIED);
		AgentPoll notModified = polls.of("POL").orElseThrow();
		assertThat(notModified.lastPollAt()).isEqualTo(polled.plusSeconds(10));
		assertThat(notModified.version()).isEqualTo(version);
		assertThat(polls.all()).contains(notModified);

		// the general way (where the quick way leaves a site's own poll, here a path it does not read) records it too
		clock.advance(java.time.Duration.ofSeconds(5));
		ResponseEntity<byte[]> general = rest.exchange(java.net.URI.create(rest.getRootUri() + "/api/sites/PO%4C/manifest"),
				HttpMethod.GET, new HttpEntity<>(bearer(token)), byte[].class);
		assertThat(general.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(quickWay("GET", "/api/sites/PO%4C/manifest", token)).isNull();
		assertThat(polls.of("POL").orElseThrow().lastPollAt()).isEqualTo(polled.plusSeconds(15));
		assertThat(polls.of("POL").orElseThrow().intervalSeconds()).as("no header: not declared").isNull();

		// written to the database; another instance's older poll does not overwrite it, a newer one does
		pollLog.flush();
		AgentPollTable.Poll flushed = new AgentPollTable.Poll(polled.plusSeconds(15), version, null, tokenId);
		assertThat(pollTable.of("POL")).contains(flushed);
		pollTable.save("POL", new AgentPollTable.Poll(polled, version - 1, 600, null));
		assertThat(pollTable.of("POL")).contains(flushed);
		AgentPollTable.Poll elsewhere = new AgentPollTable.Poll(polled.plusSeconds(20), version, 45, tokenId);
		pollTable.save("POL", elsewhere);
		assertThat(pollTable.of("POL")).contains(elsewhere);
		assertThat(polls.of("POL").orElseThrow().intervalSeconds()).isEqualTo(45);

		// silent after more than two of its intervals without a poll
		clock.set(elsewhere.at().plusSeconds(90));
		assertThat(polls.of("POL").orElseThrow().silent()).isFalse();
		clock.advance(java.time.Duration.ofSeconds(1));
		assertThat(polls.of("POL").orElseThrow().silent()).isTrue();
		assertThat(get(engineer(), "/api/sites/POL/agent").getBody().get("silent").asBoolean()).isTrue();
	}

	@Test
	void anInstanceThatStopsWritesThePollsItHasNotWrittenYet() {
		AgentPollLog instance = new AgentPollLog(clock, tokens, pollTable, settings);
		instance.start();
		MockHttpServletRequest poll = new MockHttpServletRequest("GET", "/api/sites/STP/manifest");
		poll.addHeader(ManifestFormat.POLL_INTERVAL_HEADER, "120");
		instance.polled(poll, "STP", new Manifests.Signed(7, new byte[0], "\"x\"", null));
		instance.stop();
		assertThat(instance.isRunning()).isFalse();
		assertThat(pollTable.of("STP")).contains(new AgentPollTable.Poll(clock.instant(), 7, 120, null));
	}

	private static Map<String, List<String>> headersBut(String left, ResponseEntity<?> response) {
		Map<String, List<String>> headers = new java.util.TreeMap<>();
		response.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
		headers.remove(left.toLowerCase(java.util.Locale.ROOT));
		return headers;
	}

	/** The quick way's answer, or {@code null} when it passed the request on. */
	private MockHttpServletResponse quickWay(String method, String uri, String token) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicBoolean passedOn = new AtomicBoolean();
		new ManifestFastPath(tokens, manifests, pollLog).doFilter(request, response, (req, res) -> passedOn.set(true));
		return passedOn.get() ? null : response;
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anAiringNotConfirmedByItsDeadlineIsLateAndLookingChangesNothing(CapturedOutput output) throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		// LateWatch runs here when the test says, not when its minute comes
		scheduler.pauseJob(LATE_WATCH);
		try {
			assertThat(get(engineer(), "/api/deliveries?site=TAC").getBody().get(0).get("state").asText())
				.isEqualTo("WAITING");
			// the deadline is an hour before air
			clock.set(java.time.Instant.parse(renders("").get(0).get("startsAt").asText()).minusSeconds(1800));
			Map<String, List<String>> before = rows();
			assertThat(get(engineer(), "/api/deliveries?state=late").getBody()).hasSize(3);
			assertThat(get(engineer(), "/api/deliveries").getBody()).hasSize(3);
			assertThat(rows()).isEqualTo(before);
			assertThat(output.getAll()).doesNotContain("is late");

			// LateWatch records and warns, once; what a GET shows stays the same
			scheduler.triggerJob(LATE_WATCH);
			org.awaitility.Awaitility.await()
				.untilAsserted(() -> assertThat(jdbc.queryForObject(
						"select count(*) from delivery where late_reported_at is not null", Long.class)).isEqualTo(3));
			assertThat(get(engineer(), "/api/deliveries?state=late").getBody()).hasSize(3);
			assertThat(meters.get("waveplan.deliveries").tag("site", "TAC").tag("state", "late").gauge().value())
				.isEqualTo(1.0);
			assertThat(output.getAll().split("is late")).hasSize(4);
		}
		finally {
			scheduler.resumeJob(LATE_WATCH);
		}
	}

	/**
	 * Every table's rows as text, sorted, but those written on their own clock: Quartz's, and agent_poll, which the
	 * periodic flush of earlier tests' polls writes whenever it comes round.
	 */
	private Map<String, List<String>> rows() {
		Map<String, List<String>> rows = new java.util.TreeMap<>();
		for (String table : jdbc.queryForList("select table_name from information_schema.tables"
				+ " where table_schema = current_schema() and lower(table_name) not like 'qrtz%'"
				+ " and lower(table_name) <> 'agent_poll'", String.class)) {
			rows.put(table.toLowerCase(java.util.Locale.ROOT), jdbc.queryForList("select * from \"" + table + "\"")
				.stream()
				.map(row -> row.values().stream()
					.map(v -> v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v))
					.toList()
					.toString())
				.sorted()
				.toList());
		}
		return rows;
	}

	private void verify(ResponseEntity<byte[]> manifest) throws Exception {
		Matcher m = SIGNATURE.matcher(manifest.getHeaders().getFirst("Waveplan-Signature"));
		assertThat(m.matches()).isTrue();
		JsonNode key = get(engineer(), "/api/delivery/signing-key").getBody().get("current");
		assertThat(m.group(1)).isEqualTo(key.get("keyId").asText());
		PublicKey publicKey = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(publicKey);
		signature.update(manifest.getBody());
		assertThat(signature.verify(Base64.getDecoder().decode(m.group(2)))).isTrue();
		byte[] tampered = manifest.getBody().clone();
		tampered[tampered.length / 2] ^= 1;
		signature.initVerify(publicKey);
		signature.update(tampered);
		assertThat(signature.verify(Base64.getDecoder().decode(m.group(2)))).isFalse();
	}

	private ResponseEntity<JsonNode> receipt(String token, String site, long airing, String sha256) {
		return rest.exchange("/api/sites/" + site + "/receipts", HttpMethod.POST,
				new HttpEntity<>(Map.of("airingId", airing, "sha256", sha256), bearer(token)), JsonNode.class);
	}

	private ResponseEntity<byte[]> as(String token, HttpMethod method, String url, HttpHeaders headers) {
		awaitEventsHandled();
		headers.setBearerAuth(token);
		return rest.exchange(url, method, new HttpEntity<>(headers), byte[].class);
	}

	private static HttpHeaders bearer(String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return headers;
	}

}

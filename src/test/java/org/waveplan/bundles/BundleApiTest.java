package org.waveplan.bundles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.ApiTest;
import org.waveplan.Fixtures;
import org.waveplan.NotAboutTheDatabase;
import org.waveplan.audio.AudioAnalysis;
import org.waveplan.audio.LoudnessMeter;
import org.waveplan.security.Role;
import org.waveplan.shared.Sha256;
import org.waveplan.shared.StoredObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Offline bundles over the API: built by their Quartz jobs with the real renderer and FFmpeg. */
class BundleApiTest extends ApiTest {

	@TempDir
	Path temp;

	@Autowired
	BundleStore store;

	@Autowired
	BundleSweep sweep;

	@Autowired
	Scheduler scheduler;

	@Autowired
	LoudnessMeter meter;

	private long episode(String program, double seconds, String title) {
		return fixtures().episode(program, Fixtures.tone(temp.resolve(title.hashCode() + "-" + seconds + ".wav"), seconds),
				title);
	}

	private long demo(String program, String file, String title) {
		return fixtures().episode(program, Path.of("audio-samples", file), title);
	}

	private JsonNode awaitFinished(long id) {
		// a build renders with FFmpeg: CI's forks share two cores with it
		return await().atMost(Duration.ofMinutes(4)).until(() -> get(producer(), "/api/bundles/" + id).getBody(),
				body -> body.get("state").asText().matches("done|failed"));
	}

	private long created(ResponseEntity<JsonNode> answer) {
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		long id = answer.getBody().get("id").asLong();
		assertThat(answer.getHeaders().getLocation()).hasPath("/api/bundles/" + id);
		return id;
	}

	/**
	 * The four demo episodes of {@code audio-samples}: a bulletin of speech, line-up tones with a sweep and noise, a
	 * voice over a chord, a quiet voice; two programs.
	 */
	@Test
	void aBundleOfTheDemoEpisodesIsBuiltDownloadableResumableAndTheSameBytesTwice() throws Exception {
		fixtures().program("news", 30);
		fixtures().program("features", 30);
		List<Long> episodes = List.of(demo("news", "news-bulletin-mono.mp3", "Monday"),
				demo("news", "quiet-hour-mono.wav", "Tuesday"), demo("features", "feature-stereo.flac", "Evening"),
				demo("features", "line-up-tones-stereo.mp3", "Line-up"));
		Map<String, Object> request = Map.of("name", "December", "episodes", episodes);
		long id = created(post(producer(), "/api/bundles", request));

		JsonNode done = awaitFinished(id);
		assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
		assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
		assertThat(done.get("episodes").asInt()).isEqualTo(4);
		assertThat(done.get("hours").asDouble()).isCloseTo(0.033, within(0.0011)); // 31.0 + 26.8 + 32.1 + 30.0 s
		assertThat(done.get("profile").get("codec").asText()).isEqualTo("MP3");
		assertThat(done.get("profile").get("bitrateKbps").asInt()).isEqualTo(48);
		long size = done.get("sizeBytes").asLong();
		String sha256 = done.get("sha256").asText();

		ResponseEntity<byte[]> zip = producer().getForEntity("/api/bundles/" + id + "/file", byte[].class);
		assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(zip.getBody()).hasSize((int) size);
		assertThat(Sha256.hex(zip.getBody())).isEqualTo(sha256);
		assertThat(zip.getHeaders().getETag()).isEqualTo("\"" + sha256 + "\"");
		assertThat(zip.getHeaders().getFirst("Repr-Digest")).startsWith("sha-256=:");
		assertThat(zip.getHeaders().getContentType().toString()).isEqualTo("application/zip");

		// nothing names the tools, the service or when: no encoder strings, no LAME header, no tags
		String latin = new String(zip.getBody(), StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
		assertThat(latin).doesNotContain("lavf", "lavc", "lame", "info", "xing", "id3", "waveplan", "2026");
		Map<String, byte[]> entries = unzip(zip.getBody());
		assertThat(entries.keySet()).containsExactly("index.html", "playlist.m3u8", "01.mp3", "02.mp3", "03.mp3",
				"04.mp3", "SHA256SUMS");
		String sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8);
		for (String name : List.of("index.html", "playlist.m3u8", "01.mp3", "02.mp3", "03.mp3", "04.mp3")) {
			assertThat(sums).contains(Sha256.hex(entries.get(name)) + "  " + name + "\n");
		}
		// every file decodes, at its sound, its loudness and true peak measured on the file
		for (String name : List.of("01.mp3", "02.mp3", "03.mp3", "04.mp3")) {
			Path file = java.nio.file.Files.write(temp.resolve(name), entries.get(name));
			AudioAnalysis analysis = meter.analyze(file);
			assertThat(analysis.info().codec()).isEqualTo("mp3");
			assertThat(analysis.info().sampleRate()).isEqualTo(24000);
			assertThat(analysis.info().channels()).isEqualTo(1);
			assertThat(analysis.loudness().integratedLufs()).as(name).isCloseTo(-16, within(1.0));
			assertThat(analysis.loudness().truePeakDbtp()).as(name).isLessThanOrEqualTo(-1);
		}
		assertThat(entryTimes(zip.getBody())).containsOnly(LocalDateTime.of(1980, 1, 1, 0, 0, 2));
		String index = new String(entries.get("index.html"), StandardCharsets.UTF_8);
		assertThat(index).contains("<html lang=\"ko\"", "news", "features", "Monday", "Tuesday", "Evening", "Line-up",
				"src=\"01.mp3\"", "src=\"04.mp3\"");
		assertThat(new String(entries.get("playlist.m3u8"), StandardCharsets.UTF_8)).contains("01.mp3\n", "02.mp3\n",
				"03.mp3\n", "04.mp3\n");

		// a resumed download: the rest from byte 100, if it is still the same file
		HttpHeaders range = new HttpHeaders();
		range.set(HttpHeaders.RANGE, "bytes=100-");
		range.set(HttpHeaders.IF_RANGE, "\"" + sha256 + "\"");
		ResponseEntity<byte[]> rest = producer().exchange("/api/bundles/" + id + "/file", HttpMethod.GET,
				new HttpEntity<>(range), byte[].class);
		assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
		assertThat(rest.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 100-" + (size - 1) + "/" + size);
		assertThat(rest.getBody()).isEqualTo(java.util.Arrays.copyOfRange(zip.getBody(), 100, (int) size));
		range.set(HttpHeaders.IF_RANGE, "\"another\"");
		assertThat(producer().exchange("/api/bundles/" + id + "/file", HttpMethod.GET, new HttpEntity<>(range),
				byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
		HttpHeaders unchanged = new HttpHeaders();
		unchanged.setIfNoneMatch("\"" + sha256 + "\"");
		assertThat(producer().exchange("/api/bundles/" + id + "/file", HttpMethod.GET, new HttpEntity<>(unchanged),
				byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);

		// the same inputs again: the renditions are found by their content address (not made again: the same rows,
		// made when they were; other tests' renders may add rows meanwhile), the ZIP is the same bytes
		String ours = "select rendition_key, created_at from rendition where sha256 in (?, ?, ?, ?) order by rendition_key";
		Object[] hashes = Stream.of("01.mp3", "02.mp3", "03.mp3", "04.mp3").map(n -> Sha256.hex(entries.get(n))).toArray();
		List<Map<String, Object>> renditions = jdbc.queryForList(ours, hashes);
		assertThat(renditions).hasSize(4);
		long again = created(post(engineer(), "/api/bundles", request));
		JsonNode rebuilt = awaitFinished(again);
		assertThat(rebuilt.get("state").asText()).as(rebuilt.toString()).isEqualTo("done");
		assertThat(rebuilt.get("sha256").asText()).isEqualTo(sha256);
		assertThat(jdbc.queryForList(ours, hashes)).isEqualTo(renditions);
		assertThat(get(producer(), "/api/bundles").getBody().findValuesAsText("id"))
			.contains(String.valueOf(id), String.valueOf(again));

		// deleting one leaves the other's file, which holds the same bytes
		assertThat(producer().exchange("/api/bundles/" + id, HttpMethod.DELETE, null, Void.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(get(producer(), "/api/bundles/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(producer().getForEntity("/api/bundles/" + again + "/file", byte[].class).getBody())
			.isEqualTo(zip.getBody());
		StoredObject stored = store.object(sha256);
		assertThat(stored.size()).hasValue(size);
		// a file cut short in the store (folder or bucket) is never announced whole
		Path cut = java.nio.file.Files.write(temp.resolve("cut.zip"), java.util.Arrays.copyOf(zip.getBody(), 1000));
		stored.store().publish(stored.key(), cut);
		ResponseEntity<JsonNode> damaged = producer().getForEntity("/api/bundles/" + again + "/file", JsonNode.class);
		assertThat(damaged.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(damaged.getBody().get("detail").asText()).contains("missing or damaged");
		stored.store().publish(stored.key(), java.nio.file.Files.write(temp.resolve("whole.zip"), zip.getBody()));
		producer().delete("/api/bundles/" + again);
		assertThat(stored.size()).isEmpty();
	}

	/**
	 * A build that cannot write its ZIP (its work directory taken away) is queued again, the reason and the next
	 * attempt's time said, and built once it can; one that cannot by its last attempt fails, saying how many it had.
	 */
	@Test
	void aBuildThatCouldNotWriteIsTriedAgainUntilItsAttemptsAreUsedUp() throws Exception {
		fixtures().program("news", 30);
		List<Long> episodes = List.of(episode("news", 3, "Monday"));
		Path work = store.workDir();
		takeAway(work);
		long retried;
		long failed;
		try {
			retried = created(post(producer(), "/api/bundles", Map.of("name", "Retried", "episodes", episodes)));
			JsonNode waiting = await().until(() -> get(producer(), "/api/bundles/" + retried).getBody(),
					b -> b.get("state").asText().equals("queued") && b.get("attempts").asInt() >= 1);
			assertThat(waiting.get("reason").asText()).contains("it could not be written or stored", "of 3; again at");
			giveBack(work);
			JsonNode done = awaitFinished(retried);
			assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
			assertThat(done.get("attempts").asInt()).isBetween(2, 3);
			assertThat(done.has("reason")).as("the reason of the failed attempt is gone").isFalse();

			takeAway(work);
			// its rendition is made already: only the ZIP fails, three times (waits of 3 s and 6 s)
			failed = created(post(producer(), "/api/bundles", Map.of("name", "Failed", "episodes", episodes,
					"names", "titles")));
			JsonNode gaveUp = awaitFinished(failed);
			assertThat(gaveUp.get("state").asText()).isEqualTo("failed");
			assertThat(gaveUp.get("attempts").asInt()).isEqualTo(3);
			assertThat(gaveUp.get("reason").asText()).startsWith("it could not be written or stored")
				.endsWith("(after 3 attempts)");
		}
		finally {
			giveBack(work);
		}
		for (long id : List.of(retried, failed)) {
			await().until(() -> !scheduler.checkExists(new JobKey("bundle-" + id, "bundle")));
		}
	}

	/** The directory moved aside, a file in its place. */
	private static void takeAway(Path dir) throws IOException {
		java.nio.file.Files.move(dir, dir.resolveSibling(dir.getFileName() + ".aside"));
		java.nio.file.Files.writeString(dir, "not a directory");
	}

	private static void giveBack(Path dir) throws IOException {
		if (java.nio.file.Files.isRegularFile(dir)) {
			java.nio.file.Files.delete(dir);
			java.nio.file.Files.move(dir.resolveSibling(dir.getFileName() + ".aside"), dir);
		}
	}

	@Test
	void aBundleOfProgramsTakesTheEpisodesTheyAirInTheDateRange() {
		fixtures().program("news", 30);
		long monday = episode("news", 2, "Monday");
		long tuesday = episode("news", 3, "Tuesday");
		fixtures().queue("news", monday);
		fixtures().queue("news", tuesday);
		LocalDate first = LocalDate.now(ZoneOffset.UTC).plusDays(1);
		fixtures().site("TAC", 1, "TX1");
		fixtures().bindSlot(Fixtures.with(Fixtures.slot("TAC", "TX1", 7345, "20:00", "20:01"), "validFrom", first,
				"validTo", first.plusDays(1)), "news");
		awaitEventsHandled();
		long both = created(post(producer(), "/api/bundles", Map.of("name", "Two days", "programs", List.of("news"),
				"from", first.toString(), "to", first.plusDays(1).toString())));
		long second = created(post(producer(), "/api/bundles", Map.of("name", "One day", "programs", List.of("news"),
				"from", first.plusDays(1).toString(), "to", first.plusDays(5).toString())));
		assertThat(awaitFinished(both).get("episodes").asInt()).isEqualTo(2);
		JsonNode one = awaitFinished(second);
		assertThat(one.get("episodes").asInt()).isEqualTo(1);
		assertThat(one.get("state").asText()).as(one.toString()).isEqualTo("done");
		assertThat(jdbc.queryForObject("select episode_ids from bundle where id = ?", String.class, second))
			.isEqualTo(String.valueOf(tuesday));
	}

	@Test
	void aBundleDeletedWhileItIsBuiltStopsAndLeavesNoFile() throws Exception {
		fixtures().program("news", 30);
		List<Long> episodes = List.of(episode("news", 20, "One"), episode("news", 21, "Two"), episode("news", 22, "Three"));
		List<Path> before = zips();
		long id = created(post(producer(), "/api/bundles", Map.of("name", "Gone", "episodes", episodes)));
		await().until(() -> get(producer(), "/api/bundles/" + id).getBody().get("state").asText(), "running"::equals);
		assertThat(producer().exchange("/api/bundles/" + id, HttpMethod.DELETE, null, Void.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		// the build stops at its next episode
		await().until(() -> scheduler.getCurrentlyExecutingJobs()
			.stream()
			.noneMatch(job -> job.getJobDetail().getKey().getName().equals("bundle-" + id)));
		assertThat(get(producer(), "/api/bundles/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(zips()).isEqualTo(before);
	}

	/** The finished ZIPs in the store. */
	private List<Path> zips() throws IOException {
		Path root = store.workDir().getParent().getParent();
		try (var files = java.nio.file.Files.walk(root)) {
			return files.filter(file -> file.toString().endsWith(".zip") && !file.startsWith(root.resolve("work")))
				.sorted()
				.toList();
		}
	}

	@Test
	void aBundleThatLostItsJobIsGivenOneAndBuiltAgain() {
		fixtures().program("news", 30);
		long episode = episode("news", 2, "Monday");
		long id = created(post(producer(), "/api/bundles", Map.of("name", "Lost", "episodes", List.of(episode))));
		String sha256 = awaitFinished(id).get("sha256").asText();
		// as a killed instance leaves it: running (or queued) in the database, its job gone with its trigger
		jdbc.update("update bundle set state = 'RUNNING', progress = 0.5, sha256 = null, size_bytes = null where id = ?",
				id);
		// this sweep, or the one every minute if it came first
		assertThat(sweep.sweep()).isBetween(0, 1);
		JsonNode rebuilt = awaitFinished(id);
		assertThat(rebuilt.get("state").asText()).as(rebuilt.toString()).isEqualTo("done");
		assertThat(rebuilt.get("sha256").asText()).isEqualTo(sha256);
		assertThat(sweep.sweep()).isZero();
	}

	@Test
	@NotAboutTheDatabase
	void aForbiddenStringInATitleFailsTheBundleNamingTheFileAndOffset() {
		fixtures().program("news", 30);
		long planted = episode("news", 2, "Weekly letter of the free korea sound");
		long id = created(post(producer(), "/api/bundles",
				Map.of("name", "Letters", "episodes", List.of(planted), "names", "titles", "language", "en")));
		JsonNode failed = awaitFinished(id);
		assertThat(failed.get("state").asText()).isEqualTo("failed");
		String reason = failed.get("reason").asText();
		// case-insensitive; in the audio file's name (its header) and in the index page, each with its place
		assertThat(reason).contains("\"Free Korea Sound\"", "Weekly letter of the free korea sound.mp3",
				"index.html at byte ").doesNotContain("null");
		assertThat(reason).containsPattern("in the header of Weekly letter of the free korea sound\\.mp3 at byte \\d+");
		assertThat(failed.has("file")).isFalse();
		assertThat(producer().getForEntity("/api/bundles/" + id + "/file", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	@NotAboutTheDatabase
	void aBundleTooBigForItsCardIsRefusedWithWhatIsOverOrFittedByItsBitrate() {
		fixtures().program("talks", 30);
		long first = episode("talks", 200, "First talk");
		long second = episode("talks", 201, "Second talk");
		Map<String, Object> aac = Map.of("codec", "AAC_M4A", "bitrateKbps", 576, "sampleRate", 48000, "channels", 2);
		Map<String, Object> request = new LinkedHashMap<>(Map.of("name", "Talks", "episodes", List.of(first, second),
				"profile", aac, "capacity", "32MB"));
		int before = bundles();

		ResponseEntity<JsonNode> refused = post(producer(), "/api/bundles", request);
		assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody()))
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		JsonNode problem = refused.getBody();
		// 401 s at 576 kb/s, reckoned high, in whole 512-byte clusters, against 96 % of 32 MB less the volume's own
		assertThat(problem.get("episodesThatFit").asInt()).isEqualTo(1);
		assertThat(problem.get("over").asLong()).isPositive()
			.isEqualTo(problem.get("neededBytes").asLong() - problem.get("availableBytes").asLong());
		assertThat(problem.get("neededBytes").asLong()).isGreaterThan(576_000L / 8 * 401);
		assertThat(problem.get("availableBytes").asLong()).isLessThan(32_000_000L * 96 / 100);
		assertThat(problem.get("detail").asText()).contains("bytes over", "the first 1 of its 2 episodes would fit");
		assertThat(bundles()).isEqualTo(before);

		request.put("fit", "bitrate");
		long id = created(post(producer(), "/api/bundles", request));
		JsonNode done = awaitFinished(id);
		assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
		assertThat(done.get("profile").get("bitrateKbps").asInt()).isEqualTo(64);
		assertThat(done.get("sizeBytes").asLong()).isLessThan(32_000_000L * 96 / 100);

		// a card that cannot hold even one episode is a bad request
		request.put("capacity", "32MB");
		request.put("profile", Map.of("codec", "WAV_PCM16", "sampleRate", 192000, "channels", 2));
		request.remove("fit");
		assertInvalid(post(producer(), "/api/bundles", request), "capacity");
		assertThat(bundles()).isEqualTo(before + 1);
	}

	@Test
	void onlyProducersAndEngineersAskForBundles() {
		fixtures().program("news", 30);
		long episode = episode("news", 2, "Monday");
		Map<String, Object> request = Map.of("name", "Mine", "episodes", List.of(episode));
		assertThat(rest.postForEntity("/api/bundles", request, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/api/bundles", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		fixtures().site("TAC", 1, "T1");
		String token = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		HttpHeaders site = new HttpHeaders();
		site.setBearerAuth(token);
		assertThat(rest.exchange("/api/bundles", HttpMethod.POST, new HttpEntity<>(request, site), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.exchange("/api/bundles", HttpMethod.GET, new HttpEntity<>(site), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		long id = created(post(engineer(), "/api/bundles", request));
		assertThat(get(producer(), "/api/bundles/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rest.exchange("/api/bundles/" + id + "/file", HttpMethod.GET, new HttpEntity<>(site),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		awaitFinished(id);
	}

	@Test
	void badRequestsAreRefusedNamingTheirFieldAndNothingIsBuilt() {
		fixtures().program("news", 30);
		long episode = episode("news", 2, "Monday");
		int before = bundles();
		ResponseEntity<JsonNode> unknown = post(producer(), "/api/bundles",
				Map.of("name", "X", "episodes", List.of(episode, 987654, 987655)));
		assertInvalid(unknown, "episodes");
		assertThat(unknown.getBody().get("unknownEpisodes").toString()).isEqualTo("[987654,987655]");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of())), "episodes");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X")), "episodes");
		assertInvalid(post(producer(), "/api/bundles", Map.of("episodes", List.of(episode))), "name");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of(episode), "profile",
				Map.of("codec", "OPUS_OGG", "sampleRate", 22050))), "profile.sampleRate");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of(episode), "profile",
				Map.of("codec", "MP3", "sampleRate", 96000))), "profile.sampleRate");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of(episode), "profile",
				Map.of("codec", "MP3", "sampleRate", 44100, "bitrateKbps", 384))), "profile.bitrateKbps");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of(episode), "profile",
				Map.of("codec", "VORBIS"))), "profile.codec");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of(episode), "language",
				"fr")), "language");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of(episode), "names",
				"numbers")), "names");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of(episode), "fit",
				"squeeze")), "fit");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of(episode), "capacity",
				"lots")), "capacity");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "episodes", List.of(episode), "capacity",
				"8GB", "fit", "bitrate", "profile", Map.of("codec", "FLAC", "sampleRate", 44100))), "fit");
		ResponseEntity<JsonNode> program = post(producer(), "/api/bundles", Map.of("name", "X", "programs",
				List.of("news", "nope"), "from", "2026-12-01", "to", "2026-12-31"));
		assertInvalid(program, "programs");
		assertThat(program.getBody().get("unknownPrograms").toString()).isEqualTo("[\"nope\"]");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "programs", List.of("news"), "from",
				"2026-12-31", "to", "2026-12-01")), "from");
		assertInvalid(post(producer(), "/api/bundles", Map.of("name", "X", "programs", List.of("news"), "from",
				"2026-12-01", "to", "2026-12-31")), "programs");
		assertThat(bundles()).isEqualTo(before);
		assertThat(get(producer(), "/api/bundles/987654").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private int bundles() {
		return jdbc.queryForObject("select count(*) from bundle", Integer.class);
	}

	private static void assertInvalid(ResponseEntity<JsonNode> answer, String field) {
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().get("errors").findValuesAsText("field")).as(answer.getBody().toString())
			.containsExactly(field);
	}

	private static List<LocalDateTime> entryTimes(byte[] zip) throws IOException {
		List<LocalDateTime> times = new java.util.ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				times.add(entry.getTimeLocal());
				assertThat(entry.getExtra()).as(entry.getName()).isNull();
			}
		}
		return times;
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}

package org.waveplan.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.waveplan.ApiTest;
import org.waveplan.MutableClock;
import org.waveplan.audio.Ffmpeg;
import org.waveplan.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers' side end to end: real uploads probed and measured by the bundled FFmpeg, queues, and
 * the airing planner over the A26/B26 changeover, through the real HTTP server.
 */
@Import(MutableClock.Config.class)
class CatalogApiTest extends ApiTest {

	static final Path SAMPLES = Path.of("audio-samples");

	@Autowired
	MutableClock clock;

	@Autowired
	Ffmpeg ffmpeg;

	@Value("${waveplan.catalog.storage-root}")
	Path storageRoot;

	@TempDir
	Path temp;

	@BeforeEach
	void atTwentiethOfOctoberWithNoOriginals() throws IOException {
		clock.set(Instant.parse("2026-10-20T12:00:00Z"));
		Path originals = storageRoot.resolve("originals");
		if (Files.exists(originals)) {
			// the running instance's temp directory stays
			try (Stream<Path> files = Files.walk(originals)) {
				files.sorted(java.util.Comparator.reverseOrder())
					.filter(f -> !f.startsWith(originals.resolve("incoming")))
					.forEach(f -> f.toFile().delete());
			}
		}
	}

	@Test
	void uploadsEachSampleFormatWithProbeAndLoudness() throws IOException {
		createProgram(producer(), "korea-today");
		List<Path> samples;
		try (Stream<Path> files = Files.list(SAMPLES)) {
			samples = files.filter(f -> f.toString().matches(".*\\.(mp3|wav|flac)")).sorted().toList();
		}
		assertThat(samples).extracting(f -> f.toString().replaceAll(".*\\.", "")).contains("mp3", "wav", "flac");
		for (Path sample : samples) {
			ResponseEntity<JsonNode> episode = upload(producer(), "korea-today", sample, "Sample " + sample.getFileName());
			assertThat(episode.getStatusCode()).as(sample + ": " + episode.getBody()).isEqualTo(HttpStatus.CREATED);
			JsonNode body = episode.getBody();
			assertThat(body.get("audio").get("channels").asInt()).isBetween(1, 2);
			assertThat(body.get("durationSeconds").asDouble()).isPositive();
			assertThat(body.get("loudness").get("integratedLufs").asDouble()).isBetween(-70.0, 0.0);
			assertThat(body.get("loudness").get("truePeakDbtp").asDouble()).isLessThan(3.0);
			assertThat(stored(body.get("sha256").asText())).exists();
		}
	}

	@Test
	void refusesWhatIsNotDecodableAudioAndKeepsNothingOfIt() throws IOException {
		createProgram(producer(), "korea-today");
		Path tone = tone("tone.wav", 5);
		Path empty = Files.createFile(temp.resolve("empty.mp3"));
		Path text = Files.writeString(temp.resolve("notes.mp3"), "this is not audio\n".repeat(100));
		Path truncated = temp.resolve("truncated.wav");
		Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(tone), 60));
		Path video = temp.resolve("video.mp4");
		assertThat(ffmpeg.run(List.of("-y", "-f", "lavfi", "-i", "testsrc=duration=2:size=160x120:rate=10", "-c:v",
				"mpeg4", video.toString()), Duration.ofMinutes(1)).exitCode()).isZero();
		long before = storedFiles();
		for (Path bad : List.of(empty, text, truncated, video)) {
			ResponseEntity<JsonNode> refused = upload(producer(), "korea-today", bad, "Bad " + bad.getFileName());
			assertThat(refused.getStatusCode()).as(bad + ": " + refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
			assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:undecodable-audio");
			assertThat(refused.getBody().get("detail").asText()).startsWith("the upload is not decodable audio: ");
		}
		assertThat(storedFiles()).isEqualTo(before);
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).isEmpty();
	}

	@Test
	void keepsAFileNameLongerThan255CharactersShortenedWithItsExtension() throws IOException {
		createProgram(producer(), "korea-today");
		byte[] tone = Files.readAllBytes(tone("tone.wav", 5));
		ResponseEntity<JsonNode> episode = upload(producer(), "korea-today", named(tone, "a".repeat(296) + ".wav"),
				"Long name");
		assertThat(episode.getStatusCode()).as(String.valueOf(episode.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(episode.getBody().get("originalName").asText()).hasSize(255).startsWith("aaa").endsWith("\u2026.wav");
		assertThat(storedFiles()).isEqualTo(1);
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).hasSize(1);
	}

	@Test
	void refusesAudioShorterThanASecondAndKeepsNothingOfIt() throws IOException {
		createProgram(producer(), "korea-today");
		Path blip = tone("blip.wav", 0.01);
		ResponseEntity<JsonNode> refused = upload(producer(), "korea-today", blip, "Blip");
		assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody()))
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:too-short");
		assertThat(refused.getBody().get("detail").asText()).contains("0.01 s", "at least 1.0 s");
		assertThat(storedFiles()).isZero();
		assertThat(partFiles()).isEmpty();
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).isEmpty();
	}

	@Test
	void storesTheSameBytesOnce() throws IOException {
		createProgram(producer(), "korea-today");
		Path tone = tone("tone.wav", 5);
		JsonNode first = upload(producer(), "korea-today", tone, "Monday").getBody();
		JsonNode second = upload(producer(), "korea-today", tone, "Tuesday").getBody();
		assertThat(second.get("id").asLong()).isNotEqualTo(first.get("id").asLong());
		assertThat(second.get("sha256").asText()).isEqualTo(first.get("sha256").asText());
		assertThat(second.get("loudness")).isEqualTo(first.get("loudness"));
		assertThat(storedFiles()).isEqualTo(1);
	}

	@Test
	void onlyTheOwnerChangesAProgramAndEngineersDoNotUpload() throws IOException {
		createProgram(producer(), "korea-today");
		assertThat(post(as(Role.ADMIN), "/api/users", Map.of("username", "other", "password", "other-producer-pw",
				"role", "PRODUCER")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		TestRestTemplate other = rest.withBasicAuth("other", "other-producer-pw");
		Path tone = tone("tone.wav", 5);
		ResponseEntity<JsonNode> foreign = upload(other, "korea-today", tone, "Not mine");
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(put(other, "/api/programs/korea-today", Map.of("slug", "korea-today", "title", "Hijacked",
				"language", "kor", "targetDurationMinutes", 60)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get(other, "/api/programs/korea-today").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(upload(engineer(), "korea-today", tone, "Engineer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(storedFiles()).isZero();
	}

	@Test
	void queueAppendsMovesPinsAndRemoves() throws IOException {
		createProgram(producer(), "korea-today");
		List<Long> episodes = episodes("korea-today", 3);
		for (long id : episodes) {
			post(producer(), "/api/programs/korea-today/queue", Map.of("episodeId", id));
		}
		JsonNode queue = get(producer(), "/api/programs/korea-today/queue").getBody();
		assertThat(ids(queue, "episodeId")).containsExactlyElementsOf(episodes);
		long third = queue.get(2).get("id").asLong();
		queue = put(producer(), "/api/programs/korea-today/queue/" + third, Map.of("position", 1)).getBody();
		assertThat(ids(queue, "episodeId")).containsExactly(episodes.get(2), episodes.get(0), episodes.get(1));
		assertThat(ids(queue, "position")).containsExactly(1L, 2L, 3L);
		queue = put(producer(), "/api/programs/korea-today/queue/" + third, Map.of("pinnedDate", "2026-10-30"))
			.getBody();
		assertThat(queue.get(0).get("pinnedDate").asText()).isEqualTo("2026-10-30");
		queue = producer().exchange("/api/programs/korea-today/queue/" + third, HttpMethod.DELETE, null, JsonNode.class)
			.getBody();
		assertThat(ids(queue, "episodeId")).containsExactly(episodes.get(0), episodes.get(1));
		assertThat(post(producer(), "/api/programs/korea-today/queue", Map.of("episodeId", 999999)).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void plansAiringsAcrossTheSeasonChangeoverMidnightAndAnEmptyQueue() throws IOException {
		createProgram(producer(), "korea-today");
		List<Long> episodes = episodes("korea-today", 3);
		for (long id : episodes) {
			post(producer(), "/api/programs/korea-today/queue", Map.of("episodeId", id));
		}
		equipment();
		bindSlot("TX1", 7345, "20:00", "21:00", "2026-03-29", "2026-10-25");
		bindSlot("TX1", 7350, "21:05", "22:00", "2026-10-25", "2027-03-28");
		long midnight = bindSlot("TX2", 9650, "23:30", "00:30", "2026-03-29", "2027-03-28");

		JsonNode airings = airings("korea-today");
		// 20 Oct to 2 Nov: the A26 slot until the changeover (its 25 Oct airing is in B26), the B26 one from it
		assertThat(airings).hasSize(5 + 9 + 14);
		assertThat(onDay(airings, "2026-10-25")).extracting(a -> a.get("startsAt").asText())
			.containsExactly("2026-10-25T21:05:00Z", "2026-10-25T23:30:00Z");
		JsonNode late = find(airings, a -> a.get("slotId").asLong() == midnight && a.get("broadcastDate").asText()
			.equals("2026-10-20"));
		assertThat(late.get("stopsAt").asText()).isEqualTo("2026-10-21T00:30:00Z");

		// one episode a day on all the program's slots, in queue order; then the queue is empty
		assertThat(onDay(airings, "2026-10-20")).allSatisfy(a -> assertThat(a.get("episodeId").asLong()).isEqualTo(episodes.get(0)));
		assertThat(onDay(airings, "2026-10-22")).allSatisfy(a -> assertThat(a.get("episodeId").asLong()).isEqualTo(episodes.get(2)));
		List<JsonNode> lastWeek = StreamSupport.stream(airings.spliterator(), false)
			.filter(a -> a.get("broadcastDate").asText().compareTo("2026-10-26") >= 0)
			.toList();
		assertThat(lastWeek).isNotEmpty().allSatisfy(a -> {
			assertThat(a.get("fit").asText()).isEqualTo("UNASSIGNED");
			assertThat(a.has("episodeId")).isFalse();
		});
		// 10-second episodes in 55-60 minute slots leave a gap to fill
		assertThat(onDay(airings, "2026-10-20")).allSatisfy(a -> assertThat(a.get("fit").asText()).isEqualTo("GAP"));
		assertThat(post(producer(), "/api/airings/plan", null).getBody().get("unassigned").asInt()).isPositive();

		// planning again changes nothing
		JsonNode report = post(producer(), "/api/airings/plan", null).getBody();
		assertThat(report.get("created").asInt()).isZero();
		assertThat(report.get("removed").asInt()).isZero();
		assertThat(airings("korea-today")).isEqualTo(airings);

		// the program shows the slots that carry it
		assertThat(get(producer(), "/api/programs/korea-today").getBody().get("slots")).hasSize(3);

		// once the 20th has been on air, its episode leaves the queue and the 21st keeps the second
		clock.set(Instant.parse("2026-10-21T06:00:00Z"));
		post(producer(), "/api/airings/plan", null);
		assertThat(ids(get(producer(), "/api/programs/korea-today/queue").getBody(), "episodeId"))
			.containsExactly(episodes.get(1), episodes.get(2));
		assertThat(onDay(airings("korea-today"), "2026-10-21"))
			.allSatisfy(a -> assertThat(a.get("episodeId").asLong()).isEqualTo(episodes.get(1)));
	}

	@Test
	void aRenderedDayKeepsItsEpisodeUnlessTheProducerPinsAnother() throws IOException {
		createProgram(producer(), "korea-today");
		List<Long> episodes = episodes("korea-today", 3);
		List<Long> entries = new ArrayList<>();
		for (long id : episodes) {
			JsonNode queue = post(producer(), "/api/programs/korea-today/queue", Map.of("episodeId", id)).getBody();
			entries.add(queue.get(queue.size() - 1).get("id").asLong());
		}
		equipment();
		bindSlot("TX1", 7345, "20:00", "21:00", "2026-10-20", "2026-10-22");
		markRendered("2026-10-21");
		// moving the third episode to the front changes the days not rendered, not the 21st
		put(producer(), "/api/programs/korea-today/queue/" + entries.get(2), Map.of("position", 1));
		JsonNode airings = airings("korea-today");
		assertThat(onDay(airings, "2026-10-20").get(0).get("episodeId").asLong()).isEqualTo(episodes.get(2));
		assertThat(onDay(airings, "2026-10-21").get(0).get("episodeId").asLong()).isEqualTo(episodes.get(1));
		assertThat(onDay(airings, "2026-10-22").get(0).get("episodeId").asLong()).isEqualTo(episodes.get(0));
		// a pin is an explicit change (the render planner dropped the renders: the site has no delivery profile)
		markRendered("2026-10-21");
		put(producer(), "/api/programs/korea-today/queue/" + entries.get(0), Map.of("pinnedDate", "2026-10-21"));
		airings = airings("korea-today");
		assertThat(onDay(airings, "2026-10-21").get(0).get("episodeId").asLong()).isEqualTo(episodes.get(0));
	}

	@Test
	void flagsAnEpisodeLongerThanItsSlot() throws IOException {
		createProgram(producer(), "news-flash");
		Path longer = tone("ninety.wav", 90);
		long episode = upload(producer(), "news-flash", longer, "Ninety seconds").getBody().get("id").asLong();
		post(producer(), "/api/programs/news-flash/queue", Map.of("episodeId", episode, "pinnedDate", "2026-10-21"));
		equipment();
		bindSlot("TX1", 7345, "12:00", "12:01", "2026-10-21", "2026-10-21", "news-flash");
		JsonNode airing = airings("news-flash").get(0);
		assertThat(airing.get("fit").asText()).isEqualTo("OVERRUN");
		assertThat(airing.get("fitSeconds").asInt()).isBetween(29, 30);
	}

	/** As the pipeline records a finished render. */
	private void markRendered(String day) {
		// after the planners have run on what came before
		awaitEventsHandled();
		jdbc.update("""
				insert into render (airing_id, site, program, broadcast_date, starts_at, length_millis, due_at,
				source_sha256, rendition_key, state, progress, attempts, updated_at, version)
				select id, site, program, broadcast_date, starts_at, 3600000, starts_at, repeat('a', 64), repeat('b', 64),
				'DONE', 1, 0, starts_at, 0 from airing where broadcast_date = cast(? as date)""", day);
	}

	private void equipment() {
		post(engineer(), "/api/sites", Map.of("code", "TAC", "name", "Tashkent", "ituRegion", 1, "latitude", 41.3,
				"longitude", 69.2));
		for (String tx : List.of("TX1", "TX2")) {
			post(engineer(), "/api/sites/TAC/transmitters", Map.of("name", tx, "minKhz", 3950, "maxKhz", 26100,
					"powerKw", 100));
		}
	}

	private long bindSlot(String transmitter, int khz, String start, String stop, String from, String to) {
		return bindSlot(transmitter, khz, start, stop, from, to, "korea-today");
	}

	private long bindSlot(String transmitter, int khz, String start, String stop, String from, String to,
			String program) {
		ResponseEntity<JsonNode> slot = post(engineer(), "/api/slots", Map.of("site", "TAC", "transmitter", transmitter,
				"frequencyKhz", khz, "start", start, "stop", stop, "validFrom", from, "validTo", to, "targets", "44",
				"program", program));
		assertThat(slot.getStatusCode()).as(String.valueOf(slot.getBody())).isEqualTo(HttpStatus.CREATED);
		return slot.getBody().get("id").asLong();
	}

	private JsonNode airings(String program) {
		return get(producer(), "/api/airings?program=" + program + "&from=2026-10-19&to=2026-11-05").getBody();
	}

	private static List<JsonNode> onDay(JsonNode airings, String day) {
		return StreamSupport.stream(airings.spliterator(), false)
			.filter(a -> a.get("broadcastDate").asText().equals(day))
			.toList();
	}

	private static JsonNode find(JsonNode airings, java.util.function.Predicate<JsonNode> which) {
		return StreamSupport.stream(airings.spliterator(), false).filter(which).findFirst().orElseThrow();
	}

	private static List<Long> ids(JsonNode list, String field) {
		List<Long> ids = new ArrayList<>();
		list.forEach(e -> ids.add(e.get(field).asLong()));
		return ids;
	}

	private List<Long> episodes(String program, int count) throws IOException {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// different lengths make different bytes
			Path tone = tone("tone" + i + ".wav", 10 + i * 0.1);
			ResponseEntity<JsonNode> episode = upload(producer(), program, tone, "Episode " + (i + 1));
			assertThat(episode.getStatusCode()).as(String.valueOf(episode.getBody())).isEqualTo(HttpStatus.CREATED);
			ids.add(episode.getBody().get("id").asLong());
		}
		return ids;
	}

	private void createProgram(TestRestTemplate producer, String slug) {
		assertThat(post(producer, "/api/programs", Map.of("slug", slug, "title", "Korea Today", "language", "kor",
				"targetDurationMinutes", 60)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private ResponseEntity<JsonNode> upload(TestRestTemplate client, String program, Path file, String title) {
		return upload(client, program, new FileSystemResource(file), title);
	}

	private ResponseEntity<JsonNode> upload(TestRestTemplate client, String program, Resource file, String title) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", file);
		form.add("title", title);
		return client.postForEntity("/api/programs/" + program + "/episodes", form, JsonNode.class);
	}

	/** Bytes sent under a file name no file system here would take. */
	private static Resource named(byte[] bytes, String name) {
		return new ByteArrayResource(bytes) {

			@Override
			public String getFilename() {
				return name;
			}

		};
	}

	private Path tone(String name, double seconds) {
		Path file = temp.resolve(name);
		assertThat(ffmpeg.run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=1000:duration=" + seconds, "-ac", "1",
				file.toString()), Duration.ofMinutes(1)).exitCode()).isZero();
		return file;
	}

	private Path stored(String sha256) {
		return storageRoot.resolve("originals").resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	private List<Path> partFiles() throws IOException {
		try (Stream<Path> files = Files.walk(storageRoot.resolve("originals/incoming"))) {
			return files.filter(f -> f.toString().endsWith(".part")).toList();
		}
	}

	private long storedFiles() throws IOException {
		Path originals = storageRoot.resolve("originals");
		if (!Files.exists(originals)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(originals)) {
			return files.filter(f -> Files.isRegularFile(f) && !f.startsWith(originals.resolve("incoming"))).count();
		}
	}

}

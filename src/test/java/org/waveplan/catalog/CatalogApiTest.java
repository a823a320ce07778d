package org.waveplan.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.ApiTest;
import org.waveplan.Fixtures;
import org.waveplan.MutableClock;
import org.waveplan.StoredFiles;
import org.waveplan.StoredFiles.Area;
import org.waveplan.audio.Ffmpeg;
import org.waveplan.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

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

	@Autowired
	Environment settings;

	private StoredFiles stored;

	@BeforeEach
	void atTwentiethOfOctoberWithNoOriginals() {
		clock.set(Instant.parse("2026-10-20T12:00:00Z"));
		stored = new StoredFiles(settings);
		stored.clear(Area.ORIGINALS);
	}

	@Test
	void uploadsEachSampleFormatWithProbeAndLoudness() throws IOException {
		fixtures().program("korea-today", 60);
		List<Path> samples;
		try (Stream<Path> files = Files.list(SAMPLES)) {
			samples = files.filter(f -> f.toString().matches(".*\\.(mp3|wav|flac)")).sorted().toList();
		}
		assertThat(samples).extracting(f -> f.toString().replaceAll(".*\\.", "")).contains("mp3", "wav", "flac");
		for (Path sample : samples) {
			ResponseEntity<JsonNode> episode = fixtures().upload("korea-today", sample, "Sample " + sample.getFileName());
			assertThat(episode.getStatusCode()).as(sample + ": " + episode.getBody()).isEqualTo(HttpStatus.CREATED);
			JsonNode body = episode.getBody();
			assertThat(body.get("audio").get("channels").asInt()).isBetween(1, 2);
			assertThat(body.get("durationSeconds").asDouble()).isPositive();
			assertThat(body.get("loudness").get("integratedLufs").asDouble()).isBetween(-70.0, 0.0);
			assertThat(body.get("loudness").get("truePeakDbtp").asDouble()).isLessThan(3.0);
			assertThat(stored.exists(Area.ORIGINALS, key(body.get("sha256").asText()))).isTrue();
		}
	}

	@Test
	void refusesWhatIsNotDecodableAudioAndKeepsNothingOfIt() throws IOException {
		fixtures().program("korea-today", 60);
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
			ResponseEntity<JsonNode> refused = fixtures().upload("korea-today", bad, "Bad " + bad.getFileName());
			assertThat(refused.getStatusCode()).as(bad + ": " + refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
			assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:undecodable-audio");
			assertThat(refused.getBody().get("detail").asText()).startsWith("the upload is not decodable audio: ");
		}
		assertThat(storedFiles()).isEqualTo(before);
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).isEmpty();
	}

	@Test
	void keepsAFileNameLongerThan255CharactersShortenedWithItsExtension() throws IOException {
		fixtures().program("korea-today", 60);
		byte[] tone = Files.readAllBytes(tone("tone.wav", 5));
		ResponseEntity<JsonNode> episode = fixtures().upload("korea-today", tone, "a".repeat(296) + ".wav", "Long name");
		assertThat(episode.getStatusCode()).as(String.valueOf(episode.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(episode.getBody().get("originalName").asText()).hasSize(255).startsWith("aaa").endsWith("\u2026.wav");
		assertThat(storedFiles()).isEqualTo(1);
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).hasSize(1);
	}

	@Test
	void refusesAudioShorterThanASecondAndKeepsNothingOfIt() throws IOException {
		fixtures().program("korea-today", 60);
		Path blip = tone("blip.wav", 0.01);
		ResponseEntity<JsonNode> refused = fixtures().upload("korea-today", blip, "Blip");
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
		fixtures().program("korea-today", 60);
		Path tone = tone("tone.wav", 5);
		JsonNode first = fixtures().upload("korea-today", tone, "Monday").getBody();
		JsonNode second = fixtures().upload("korea-today", tone, "Tuesday").getBody();
		assertThat(second.get("id").asLong()).isNotEqualTo(first.get("id").asLong());
		assertThat(second.get("sha256").asText()).isEqualTo(first.get("sha256").asText());
		assertThat(second.get("loudness")).isEqualTo(first.get("loudness"));
		assertThat(storedFiles()).isEqualTo(1);
	}

	@Test
	void onlyTheOwnerChangesAProgramAndEngineersDoNotUpload() throws IOException {
		fixtures().program("korea-today", 60);
		assertThat(post(as(Role.ADMIN), "/api/users", Map.of("username", "other", "password", "other-producer-pw",
				"role", "PRODUCER")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		TestRestTemplate other = rest.withBasicAuth("other", "other-producer-pw");
		Path tone = tone("tone.wav", 5);
		ResponseEntity<JsonNode> foreign = fixtures().by(other).upload("korea-today", tone, "Not mine");
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(put(other, "/api/programs/korea-today", Map.of("slug", "korea-today", "title", "Hijacked",
				"language", "kor", "targetDurationMinutes", 60)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get(other, "/api/programs/korea-today").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(fixtures().by(engineer()).upload("korea-today", tone, "Engineer").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(storedFiles()).isZero();
	}

	@Test
	void queueAppendsMovesPinsAndRemoves() throws IOException {
		fixtures().program("korea-today", 60);
		List<Long> episodes = episodes("korea-today", 3);
		for (long id : episodes) {
			fixtures().queue("korea-today", id);
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
		fixtures().program("korea-today", 60);
		List<Long> episodes = episodes("korea-today", 3);
		for (long id : episodes) {
			fixtures().queue("korea-today", id);
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

	/**
	 * The second day is rendered by the pipeline. On the real clock, since Quartz fires by the real time: with an
	 * hour's lead time the renders of the other days wait for theirs, far past the test.
	 */
	@Test
	void aRenderedDayKeepsItsEpisodeUnlessTheProducerPinsAnother() throws IOException {
		clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
		String second = first.plusDays(1).toString();
		fixtures().program("korea-today", 60);
		List<Long> episodes = episodes("korea-today", 3);
		List<Long> entries = new ArrayList<>();
		for (long id : episodes) {
			JsonNode queue = fixtures().queue("korea-today", id);
			entries.add(queue.get(queue.size() - 1).get("id").asLong());
		}
		equipment();
		fixtures().deliveryProfile("TAC", Map.of("codec", "MP3", "bitrateKbps", 48, "sampleRate", 24000, "channels", 1,
				"preset", "none", "leadTime", "PT1H"));
		// a minute: a render is as long as its airing
		bindSlot("TX1", 7345, "20:00", "20:01", first, first.plusDays(2));
		render(onDay(airings("korea-today"), second).get(0).get("id").asLong());
		// moving the third episode to the front changes the days not rendered, not the second
		put(producer(), "/api/programs/korea-today/queue/" + entries.get(2), Map.of("position", 1));
		JsonNode airings = airings("korea-today");
		assertThat(onDay(airings, first.toString()).get(0).get("episodeId").asLong()).isEqualTo(episodes.get(2));
		assertThat(onDay(airings, second).get(0).get("episodeId").asLong()).isEqualTo(episodes.get(1));
		assertThat(onDay(airings, first.plusDays(2).toString()).get(0).get("episodeId").asLong())
			.isEqualTo(episodes.get(0));
		// a pin is an explicit change
		put(producer(), "/api/programs/korea-today/queue/" + entries.get(0), Map.of("pinnedDate", second));
		airings = airings("korea-today");
		assertThat(onDay(airings, second).get(0).get("episodeId").asLong()).isEqualTo(episodes.get(0));
	}

	@Test
	void flagsAnEpisodeLongerThanItsSlot() throws IOException {
		fixtures().program("news-flash", 60);
		Path longer = tone("ninety.wav", 90);
		long episode = fixtures().episode("news-flash", longer, "Ninety seconds");
		post(producer(), "/api/programs/news-flash/queue", Map.of("episodeId", episode, "pinnedDate", "2026-10-21"));
		equipment();
		bindSlot("TX1", 7345, "12:00", "12:01", "2026-10-21", "2026-10-21", "news-flash");
		JsonNode airing = airings("news-flash").get(0);
		assertThat(airing.get("fit").asText()).isEqualTo("OVERRUN");
		assertThat(airing.get("fitSeconds").asInt()).isBetween(29, 30);
	}

	/** Has the airing rendered now, and waits until its file is done. */
	private void render(long airing) {
		ResponseEntity<JsonNode> accepted = post(engineer(), "/api/airings/" + airing + "/render", null);
		assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get(producer(), "/api/renders?airing=" + airing).getBody().get(0).get("state").asText(),
					"done"::equals);
	}

	private void equipment() {
		fixtures().site("TAC", 1, "TX1", "TX2");
	}

	private long bindSlot(String transmitter, int khz, String start, String stop, Object from, Object to) {
		return bindSlot(transmitter, khz, start, stop, from, to, "korea-today");
	}

	private long bindSlot(String transmitter, int khz, String start, String stop, Object from, Object to,
			String program) {
		return fixtures().bindSlot(with(slot("TAC", transmitter, khz, start, stop), "validFrom", from, "validTo", to),
				program);
	}

	/** The program's airings from the day before the clock's to the end of the 14-day horizon. */
	private JsonNode airings(String program) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return get(producer(), "/api/airings?program=" + program + "&from=" + today.minusDays(1) + "&to="
				+ today.plusDays(16)).getBody();
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
			ids.add(fixtures().episode(program, tone("tone" + i + ".wav", 10 + i * 0.1), "Episode " + (i + 1)));
		}
		return ids;
	}

	private Path tone(String name, double seconds) {
		return Fixtures.tone(temp.resolve(name), seconds);
	}

	private static String key(String sha256) {
		return sha256.substring(0, 2) + "/" + sha256;
	}

	private List<Path> partFiles() throws IOException {
		try (Stream<Path> files = Files.walk(storageRoot.resolve("originals/incoming"))) {
			return files.filter(f -> f.toString().endsWith(".part")).toList();
		}
	}

	private long storedFiles() {
		return stored.keys(Area.ORIGINALS).size();
	}

}

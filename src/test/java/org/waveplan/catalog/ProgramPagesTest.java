package org.waveplan.catalog;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.waveplan.ApiTest;
import org.waveplan.Fixtures;
import org.waveplan.MutableClock;
import org.waveplan.security.Role;
import org.waveplan.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/** The programs' pages over real HTTP, as a browser speaks to them: uploads, the queue's forms, the airings. */
@Import(MutableClock.Config.class)
class ProgramPagesTest extends ApiTest {

	static final Path NEWS = Path.of("audio-samples", "news-bulletin-mono.mp3");

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void noon() {
		clock.set(Instant.parse("2026-10-20T12:00:00Z"));
		fixtures().program("korea-today", 1);
	}

	private Browser browser(Role role) throws Exception {
		String name = role.name().toLowerCase() + "1";
		return new Browser(port).loggedIn(name, name + PASSWORD_SUFFIX);
	}

	/**
	 * Sends the upload form as upload.js does: multipart, the CSRF token as a header; {@code tokenInForm} sends it as
	 * the plain form does instead: in the action's query string, and as the hidden field in the body.
	 */
	static HttpResponse<String> upload(Browser browser, String slug, String title, String fileName, byte[] content,
			boolean tokenInForm) throws Exception {
		String token = Browser.csrf(browser.get("/programs/" + slug).body());
		String boundary = "----waveplan" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (tokenInForm) {
			part(body, boundary, "_csrf", null, token.getBytes(StandardCharsets.UTF_8));
		}
		part(body, boundary, "title", null, title.getBytes(StandardCharsets.UTF_8));
		part(body, boundary, "file", fileName, content);
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String query = tokenInForm ? "?_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : "";
		return send(browser, "/programs/" + slug + "/episodes" + query, boundary, body, tokenInForm ? null : token);
	}

	private static HttpResponse<String> send(Browser browser, String path, String boundary, ByteArrayOutputStream body,
			String tokenHeader) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(browser.uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (tokenHeader != null) {
			request.header("X-CSRF-TOKEN", tokenHeader);
		}
		return browser.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content)
			throws Exception {
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
				+ "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write("\r\n".getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> form(Browser browser, String path, Map<String, String> fields)
			throws Exception {
		String token = Browser.csrf(browser.get("/programs/korea-today").body());
		Map<String, String> all = new java.util.HashMap<>(fields);
		all.put("_csrf", token);
		return browser.post(path, all);
	}

	@Test
	void theProgramsListLinksEachProgram() throws Exception {
		String page = browser(Role.ENGINEER).get("/programs").body();
		assertThat(page).contains("href=\"/programs/korea-today\"", "Program korea-today", "producer1");
		assertThat(browser(Role.ENGINEER).get("/programs/no-such-program", "Accept", "text/html").statusCode())
			.isEqualTo(404);
	}

	/**
	 * The CSRF check never reads an upload's body for its token: the container would take in the whole body (up to
	 * the upload limit) before the login and the upload gate, for anyone. A token only in the body is refused.
	 */
	@Test
	void anUploadWhoseTokenIsOnlyInItsBodyIsRefused() throws Exception {
		Browser producer = browser(Role.PRODUCER);
		String token = Browser.csrf(producer.get("/programs/korea-today").body());
		String boundary = "----waveplan" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "_csrf", null, token.getBytes(StandardCharsets.UTF_8));
		part(body, boundary, "title", null, "Notes".getBytes(StandardCharsets.UTF_8));
		part(body, boundary, "file", "notes.mp3", new byte[1000]);
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> refused = send(producer, "/programs/korea-today/episodes", boundary, body, null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from episode", Integer.class)).isZero();
	}

	@Test
	void anUploadThatIsNotAudioIsRefusedOnThePageWithItsReasonAndNothingKept() throws Exception {
		Browser producer = browser(Role.PRODUCER);
		byte[] text = "this is not audio\n".repeat(100).getBytes(StandardCharsets.UTF_8);
		for (boolean tokenInForm : List.of(false, true)) {
			HttpResponse<String> refused = upload(producer, "korea-today", "Notes", "notes.mp3", text, tokenInForm);

			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body()).contains("id=\"problem\"", "Not decodable audio",
					"the upload is not decodable audio: it is not an audio file that FFmpeg can read",
					"value=\"Notes\"");
		}
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).isEmpty();

		Path blip = Fixtures.tone(temp.resolve("blip.wav"), 0.5);
		HttpResponse<String> tooShort = upload(producer, "korea-today", "Blip", "blip.wav", Files.readAllBytes(blip),
				false);
		assertThat(tooShort.statusCode()).isEqualTo(422);
		assertThat(tooShort.body()).contains("Audio too short",
				"the upload holds 0.5 s of audio; an episode lasts at least 1.0 s");

		HttpResponse<String> untitled = upload(producer, "korea-today", " ", "news.mp3", Files.readAllBytes(NEWS),
				false);
		assertThat(untitled.statusCode()).isEqualTo(400);
		assertThat(untitled.body()).contains("id=\"title-error\"", "an episode needs a title of 1 to 200 characters");
	}

	@Test
	void anUploadedEpisodeShowsItsProbeItsLoudnessAndItsPictureOverTime() throws Exception {
		Browser producer = browser(Role.PRODUCER);
		HttpResponse<String> taken = upload(producer, "korea-today", "Evening news", "news.mp3",
				Files.readAllBytes(NEWS), true);

		assertThat(taken.statusCode()).isEqualTo(302);
		long id = get(producer(), "/api/programs/korea-today/episodes").getBody().get(0).get("id").asLong();
		assertThat(taken.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/programs/korea-today?added=" + id + "#episode-" + id));
		String page = producer.get("/programs/korea-today?added=" + id).body();
		String episode = page.substring(page.indexOf("id=\"episode-" + id + "\""));
		assertThat(page).contains("class=\"episode added\"");
		assertThat(episode).contains("Evening news", "news.mp3", "0:30", "mp3, 44100 Hz, 1 ch",
				"<span>-15.1</span> LUFS", "<span>2.7</span> LU", "<span>-0.6</span> dBTP");
		// the short-term loudness of seconds 3 to 30, a point each, and the target line at -23 LUFS
		Matcher line = Pattern.compile("<polyline class=\"line\" points=\"([^\"]+)\"").matcher(episode);
		assertThat(line.find()).isTrue();
		assertThat(line.group(1).split(" ")).hasSize(28);
		assertThat(episode).contains("class=\"target\"", "target -23 LUFS", "aria-label=\"Short-term loudness of Evening news over time\"",
				">0:00</text>", ">0:30</text>");
		// the picture is the API's curve
		JsonNode curve = get(producer(), "/api/programs/korea-today/episodes").getBody().get(0).get("shortTermLufs");
		assertThat(curve).hasSize(30);
		assertThat(curve.get(0).asDouble()).isEqualTo(-70.0);
	}

	@Test
	void anEpisodeTakenInBeforeCurvesShowsNoPictureAndNoError() throws Exception {
		long id = fixtures().episode("korea-today", NEWS, "Old news");
		jdbc.update("update episode set short_term_loudness = null where id = ?", id);

		HttpResponse<String> page = browser(Role.PRODUCER).get("/programs/korea-today");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Old news", "<span>-15.1</span> LUFS", "No loudness picture")
			.doesNotContain("<polyline");
	}

	@Test
	void theQueueIsReorderedPinnedAndEmptiedThroughItsForms() throws Exception {
		long first = fixtures().episode("korea-today", NEWS, "First");
		long second = fixtures().episode("korea-today", NEWS, "Second");
		Browser producer = browser(Role.PRODUCER);
		assertThat(form(producer, "/programs/korea-today/queue", Map.of("episodeId", String.valueOf(first)))
			.statusCode()).isEqualTo(302);
		form(producer, "/programs/korea-today/queue", Map.of("episodeId", String.valueOf(second)));
		JsonNode queue = get(producer(), "/api/programs/korea-today/queue").getBody();
		assertThat(titles(queue)).containsExactly("First", "Second");
		long firstEntry = queue.get(0).get("id").asLong();
		long secondEntry = queue.get(1).get("id").asLong();
		String page = producer.get("/programs/korea-today").body();
		assertThat(page).contains("aria-label=\"Move Second up\"", "draggable=\"true\"");
		assertThat(producer.get("/programs/korea-today", "Accept-Language", "ko").body()).contains("대기열",
				"Second 위로", "회차 올리기");

		// pinned, then moved down by its button: it keeps its pin
		HttpResponse<String> pinned = form(producer, "/programs/korea-today/queue/" + firstEntry + "/pin",
				Map.of("pinnedDate", "2026-10-25"));
		assertThat(pinned.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("#queue"));
		form(producer, "/programs/korea-today/queue/" + firstEntry + "/position", Map.of("position", "2"));
		queue = get(producer(), "/api/programs/korea-today/queue").getBody();
		assertThat(titles(queue)).containsExactly("Second", "First");
		assertThat(queue.get(1).get("pinnedDate").asText()).isEqualTo("2026-10-25");
		assertThat(producer.get("/programs/korea-today").body()).contains("value=\"2026-10-25\"", "Unpin");

		// unpinned by an empty date; removed
		form(producer, "/programs/korea-today/queue/" + firstEntry + "/pin", Map.of("pinnedDate", ""));
		assertThat(get(producer(), "/api/programs/korea-today/queue").getBody().get(1).has("pinnedDate")).isFalse();
		form(producer, "/programs/korea-today/queue/" + secondEntry + "/remove", Map.of());
		assertThat(titles(get(producer(), "/api/programs/korea-today/queue").getBody())).containsExactly("First");

		// an entry that is not there: the page again, with the API's problem beside the queue
		HttpResponse<String> gone = form(producer, "/programs/korea-today/queue/" + secondEntry + "/remove", Map.of());
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(gone.body()).contains("id=\"problem\"", "no entry " + secondEntry + " in the queue of");
		HttpResponse<String> none = form(producer, "/programs/korea-today/queue", Map.of());
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("id=\"episodeId-error\"");
	}

	@Test
	void anEngineersPostsAreRefused() throws Exception {
		long id = fixtures().episode("korea-today", NEWS, "First");
		fixtures().queue("korea-today", id);
		long entry = get(producer(), "/api/programs/korea-today/queue").getBody().get(0).get("id").asLong();
		Browser engineer = browser(Role.ENGINEER);
		assertThat(engineer.get("/programs/korea-today").statusCode()).isEqualTo(200);
		assertThat(engineer.get("/programs/korea-today").body()).contains("First")
			.doesNotContain("id=\"upload-form\"", "class=\"move\"", "class=\"enqueue\"", "draggable");

		assertThat(form(engineer, "/programs/korea-today/queue/" + entry + "/remove", Map.of()).statusCode())
			.isEqualTo(403);
		assertThat(form(engineer, "/programs/korea-today/queue/" + entry + "/position", Map.of("position", "1"))
			.statusCode()).isEqualTo(403);
		assertThat(upload(engineer, "korea-today", "Not mine", "news.mp3", Files.readAllBytes(NEWS), false)
			.statusCode()).isEqualTo(403);
		assertThat(get(producer(), "/api/programs/korea-today/queue").getBody()).hasSize(1);
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).hasSize(1);
	}

	@Test
	void theAiringsOfTheNextDaysShowTheirFitInUtcAndKst() throws Exception {
		fixtures().site("TAC", 1, "TX1");
		fixtures().bindSlot(with(slot("TAC", "TX1", 9650, "13:00", "13:01"), "validFrom", "2026-10-01"), "korea-today");
		long id = fixtures().episode("korea-today", NEWS, "Evening news");
		fixtures().queue("korea-today", id);
		awaitEventsHandled();

		String page = browser(Role.PRODUCER).get("/programs/korea-today").body();

		String airings = page.substring(page.indexOf("id=\"airings\""));
		assertThat(airings).contains("2026-10-20 13:00–13:01 UTC", "10-20 22:00 KST", "TAC TX1", "9650",
				"Evening news", "class=\"fit fit-gap\"", "gap of 29 s, filled", "class=\"fit fit-unassigned\"",
				"no episode", "2026-10-24 13:00");
	}

	private static List<String> titles(JsonNode queue) {
		return java.util.stream.StreamSupport.stream(queue.spliterator(), false).map(e -> e.get("title").asText()).toList();
	}

}

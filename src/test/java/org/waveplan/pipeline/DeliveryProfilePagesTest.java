package org.waveplan.pipeline;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.waveplan.ApiTest;
import org.waveplan.audio.Ffmpeg;
import org.waveplan.security.Role;
import org.waveplan.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The site page's part for the delivery profile and the station ident, over real HTTP as a browser. */
class DeliveryProfilePagesTest extends ApiTest {

	private static final String[] HTMX = { "HX-Request", "true" };

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@BeforeEach
	void site() {
		fixtures().site("TAC", 1);
	}

	private Browser loggedIn(Role role) throws Exception {
		String name = role.name().toLowerCase() + "1";
		return new Browser(port).loggedIn(name, name + PASSWORD_SUFFIX);
	}

	private static Map<String, String> am(String csrf) {
		Map<String, String> form = new HashMap<>(Map.of("codec", "MP3", "bitrateKbps", "48", "sampleRate", "22050",
				"channels", "1", "targetLufs", "-23", "truePeakCeilingDbtp", "-1", "leadTime", "PT6H", "preset", "am-sw"));
		form.put("_csrf", csrf);
		return form;
	}

	@Test
	void anEngineerSetsTheProfileThroughTheFormAsThroughTheApi() throws Exception {
		Browser engineer = loggedIn(Role.ENGINEER);
		HttpResponse<String> part = engineer.get("/sites/TAC/profile", HTMX);
		assertThat(part.statusCode()).isEqualTo(200);
		assertThat(part.body()).contains("class=\"site-profile-part\"", "no delivery profile yet",
				"<label for=\"profile-codec\"", "<label for=\"profile-lead\"", "value=\"PT12H\"", ">Save the profile<")
			.doesNotContain("<html", "disabled");

		HttpResponse<String> saved = engineer.post("/sites/TAC/profile", am(Browser.csrf(part.body())), HTMX);
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("The delivery profile is saved", "value=\"PT6H\"",
				"<option value=\"MP3\" selected=\"selected\">", "No station ident");
		JsonNode profile = get(producer(), "/api/sites/TAC/delivery-profile").getBody();
		assertThat(profile.get("codec").asText()).isEqualTo("MP3");
		assertThat(profile.get("bitrateKbps").asInt()).isEqualTo(48);
		assertThat(profile.get("preset").asText()).isEqualTo("am-sw");
		assertThat(profile.get("leadTime").asText()).isEqualTo("PT6H");

		// opened alone, it is a page in the layout
		assertThat(engineer.get("/sites/TAC/profile").body()).contains("<html", "action=\"/logout\"",
				"Delivery profile of TAC", "value=\"PT6H\"");
		assertThat(engineer.get("/sites/NOP/profile", "Accept", "text/html").statusCode()).isEqualTo(404);
	}

	@Test
	void aRefusedProfileIsShownWithTheApisReasonNextToEachFieldAndWhatWasEntered() throws Exception {
		Browser engineer = loggedIn(Role.ENGINEER);
		String csrf = Browser.csrf(engineer.get("/sites/TAC/profile", HTMX).body());
		Map<String, String> form = am(csrf);
		form.put("bitrateKbps", "");
		HttpResponse<String> refused = engineer.post("/sites/TAC/profile", form, HTMX);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("role=\"alert\"", "<p class=\"field-error\" id=\"bitrateKbps-error\">MP3 needs a bitrate</p>",
				"value=\"22050\"", "value=\"PT6H\"").doesNotContain("The delivery profile is saved");
		assertThat(get(engineer(), "/api/sites/TAC/delivery-profile").getStatusCode().value()).isEqualTo(404);

		// the bean validation of the API's request, by field
		form = am(csrf);
		form.put("sampleRate", "100");
		refused = engineer.post("/sites/TAC/profile", form, HTMX);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"sampleRate-error\"").doesNotContain("id=\"bitrateKbps-error\"");

		form = am(csrf);
		form.put("leadTime", "P9D");
		assertThat(engineer.post("/sites/TAC/profile", form, HTMX).body())
			.contains("<p class=\"field-error\" id=\"leadTime-error\">must be between PT0S and P7D</p>");
	}

	@Test
	void othersSeeTheProfileButCannotChangeIt() throws Exception {
		fixtures().deliveryProfile("TAC", Map.of("codec", "FLAC", "sampleRate", 44100, "channels", 2, "preset", "none"));
		Browser producer = loggedIn(Role.PRODUCER);
		String part = producer.get("/sites/TAC/profile", HTMX).body();
		assertThat(part).contains("<option value=\"FLAC\" selected=\"selected\">", "value=\"44100\"", "<fieldset disabled")
			.doesNotContain(">Save the profile<", ">Upload the ident<");
		Map<String, String> form = am(Browser.csrf(producer.get("/").body()));
		assertThat(producer.post("/sites/TAC/profile", form, HTMX).statusCode()).isEqualTo(403);
		assertThat(get(engineer(), "/api/sites/TAC/delivery-profile").getBody().get("codec").asText()).isEqualTo("FLAC");
	}

	@Test
	void anEngineerUploadsTheStationIdentAndASilentOneIsRefused() throws Exception {
		fixtures().deliveryProfile("TAC", Map.of("codec", "FLAC", "sampleRate", 44100, "channels", 2, "preset", "none"));
		Browser engineer = loggedIn(Role.ENGINEER);
		String part = engineer.get("/sites/TAC/profile", HTMX).body();
		assertThat(part).contains("enctype=\"multipart/form-data\"", "<label for=\"ident-file\"");
		String csrf = Browser.csrf(part);

		HttpResponse<String> silent = upload(engineer, csrf, generated("silence.wav", "anullsrc=r=44100:cl=mono:d=2"));
		assertThat(silent.statusCode()).isEqualTo(400);
		assertThat(silent.body()).contains("<p class=\"field-error\" id=\"file-error\">the ident is silent</p>");

		HttpResponse<String> set = upload(engineer, csrf, generated("ident.wav", "sine=frequency=800:duration=3"));
		assertThat(set.statusCode()).isEqualTo(200);
		String sha = get(engineer(), "/api/sites/TAC/delivery-profile").getBody().get("identSha256").asText();
		assertThat(sha).hasSize(64);
		assertThat(set.body()).contains("The ident is set: 3.0 s", "<code class=\"sha\">" + sha + "</code>",
				">Remove the ident<");

		HttpResponse<String> removed = engineer.post("/sites/TAC/ident/remove", Map.of("_csrf", csrf), HTMX);
		assertThat(removed.body()).contains("No station ident").doesNotContain(sha);
		assertThat(get(engineer(), "/api/sites/TAC/delivery-profile").getBody().has("identSha256")).isFalse();
	}

	private Path generated(String name, String source) {
		Path file = temp.resolve(name);
		assertThat(new Ffmpeg().run(List.of("-y", "-f", "lavfi", "-i", source, "-ac", "1", file.toString()),
				Duration.ofMinutes(1)).exitCode()).isZero();
		return file;
	}

	/** The ident form as htmx sends it: multipart, with the page's CSRF token as a header. */
	private static HttpResponse<String> upload(Browser browser, String csrf, Path file) throws Exception {
		String boundary = "----waveplan-test-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
				+ "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(Files.readAllBytes(file));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return browser.http.send(HttpRequest.newBuilder(browser.uri("/sites/TAC/ident"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}

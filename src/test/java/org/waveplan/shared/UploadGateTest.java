package org.waveplan.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.waveplan.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Slow uploads cannot take every thread: past the places for uploads, one more is turned away at once. */
@TestPropertySource(properties = "waveplan.uploads-at-once=1")
public class UploadGateTest extends ApiTest {

	@Test
	void anUploadPastThePlacesIsTurnedAwayAtOnceAndTheRestGoesOn() throws Exception {
		fixtures().program("korea-today", 60);
		URI server = URI.create(rest.getRootUri());
		try (Socket slow = slowUpload(server)) {

			// until the slow upload holds the place: before, another upload gets it (and is refused as not audio)
			await().untilAsserted(() -> {
				ResponseEntity<JsonNode> refused = upload();
				assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
				assertThat(refused.getBody().get("type").asText())
					.isEqualTo(ProblemException.TYPE_PREFIX + "too-many-uploads");
			});
			assertThat(get(producer(), "/api/programs").getStatusCode()).isEqualTo(HttpStatus.OK);
			// small bodies are not uploads: they never wait for a place
			fixtures().program("news", 30);

			// the slow sender gives up: its upload is refused, and its place is free again
			slow.shutdownOutput();
			assertThat(new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 400");
		}
		await().untilAsserted(() -> assertThat(upload().getStatusCode()).isNotEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
	}

	@Test
	void aMalformedFormIsRefusedWithItsReason() {
		fixtures().program("korea-today", 60);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=cut"));
		ResponseEntity<JsonNode> refused = producer().postForEntity("/api/programs/korea-today/episodes",
				new HttpEntity<>("--cut\r\nContent-Disposition: form-da", headers),
				JsonNode.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("type").asText()).isEqualTo(ProblemException.TYPE_PREFIX + "unreadable-upload");
	}

	/** An upload of 100 KB (not audio: it is refused later on, if it gets a place). */
	private ResponseEntity<JsonNode> upload() {
		return fixtures().upload("korea-today", new byte[100 * 1024], "episode.mp3", "Monday");
	}

	/** An API upload of korea-today that has sent its headers and the first bytes of 10 MB, and sends no more. */
	public static Socket slowUpload(URI server) throws IOException {
		Socket slow = new Socket(server.getHost(), server.getPort());
		OutputStream out = slow.getOutputStream();
		String login = Base64.getEncoder()
			.encodeToString(("producer1:producer1" + PASSWORD_SUFFIX).getBytes(StandardCharsets.UTF_8));
		out.write(("POST /api/programs/korea-today/episodes HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: Basic " + login + "\r\nContent-Type: multipart/form-data; boundary=cut\r\n"
				+ "Content-Length: 10000000\r\n\r\n--cut\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return slow;
	}

}

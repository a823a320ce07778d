package org.waveplan.catalog;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.waveplan.ApiTest;
import org.waveplan.shared.UploadGateTest;
import org.waveplan.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The page's upload takes a place at the API's upload gate: past the places, it is turned away as the API's is. */
@TestPropertySource(properties = "waveplan.uploads-at-once=1")
class ProgramPagesUploadGateTest extends ApiTest {

	@LocalServerPort
	int port;

	@Test
	void aPageUploadWaitsForAPlaceAtTheApisUploadGate() throws Exception {
		fixtures().program("korea-today", 60);
		Browser producer = new Browser(port).loggedIn("producer1", "producer1" + PASSWORD_SUFFIX);
		URI server = URI.create(rest.getRootUri());
		try (Socket slow = UploadGateTest.slowUpload(server)) {

			// once it holds the one place, the page's upload (as upload.js sends it) is turned away as the API's is
			await().untilAsserted(() -> {
				HttpResponse<String> refused = ProgramPagesTest.upload(producer, "korea-today", "Monday", "big.wav",
						new byte[100 * 1024], false);
				assertThat(refused.statusCode()).isEqualTo(503);
				assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
				assertThat(refused.body()).contains("urn:waveplan:problem:too-many-uploads");
			});
			// a plain form too, though its body is read first: Spring Security looks for its CSRF token in it
			assertThat(ProgramPagesTest.upload(producer, "korea-today", "Monday", "big.wav", new byte[100 * 1024], true)
				.statusCode()).isEqualTo(503);
			slow.shutdownOutput();
			slow.getInputStream().readAllBytes();
		}
	}

}

package org.waveplan.catalog;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.waveplan.ApiTest;
import org.waveplan.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's upload past the API's size limit: the API's problem (JSON), which upload.js shows. */
@TestPropertySource(properties = { "spring.servlet.multipart.max-file-size=64KB",
		"spring.servlet.multipart.max-request-size=64KB" })
class ProgramPagesUploadLimitTest extends ApiTest {

	@LocalServerPort
	int port;

	private Browser loggedIn() throws Exception {
		return new Browser(port).loggedIn("producer1", "producer1" + PASSWORD_SUFFIX);
	}

	@Test
	void anUploadPastTheSizeLimitIsRefusedWithTheApisProblem() throws Exception {
		fixtures().program("korea-today", 60);
		Browser producer = loggedIn();

		HttpResponse<String> refused = ProgramPagesTest.upload(producer, "korea-today", "Too big", "big.wav",
				new byte[200 * 1024], false);

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("urn:waveplan:problem:payload-too-large", "\"title\":\"Payload Too Large\"",
				"\"detail\":\"Maximum upload size exceeded\"");
		// a plain form (no script) gets the same problem, as JSON: the page is not drawn again
		HttpResponse<String> plain = ProgramPagesTest.upload(producer, "korea-today", "Too big", "big.wav",
				new byte[200 * 1024], true);
		assertThat(plain.statusCode()).isEqualTo(413);
		assertThat(plain.body()).contains("urn:waveplan:problem:payload-too-large");
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).isEmpty();
	}

}

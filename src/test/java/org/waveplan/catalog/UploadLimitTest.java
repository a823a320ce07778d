package org.waveplan.catalog;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.waveplan.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Past the size limit an upload is refused with 413 and nothing is stored. */
@TestPropertySource(properties = { "spring.servlet.multipart.max-file-size=64KB",
		"spring.servlet.multipart.max-request-size=64KB" })
class UploadLimitTest extends ApiTest {

	@TempDir
	Path temp;

	@Test
	void refusesAnUploadPastTheLimit() throws Exception {
		fixtures().program("korea-today", 60);
		Path big = Files.write(temp.resolve("big.wav"), new byte[200 * 1024]);
		ResponseEntity<JsonNode> refused = fixtures().upload("korea-today", big, "Too big");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:payload-too-large");
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).isEmpty();
	}

}

package org.waveplan.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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
		post(producer(), "/api/programs", Map.of("slug", "korea-today", "title", "Korea Today", "language", "kor",
				"targetDurationMinutes", 60));
		Path big = Files.write(temp.resolve("big.wav"), new byte[200 * 1024]);
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new FileSystemResource(big));
		form.add("title", "Too big");
		ResponseEntity<JsonNode> refused = producer().postForEntity("/api/programs/korea-today/episodes", form,
				JsonNode.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:payload-too-large");
		assertThat(get(producer(), "/api/programs/korea-today/episodes").getBody()).isEmpty();
	}

}

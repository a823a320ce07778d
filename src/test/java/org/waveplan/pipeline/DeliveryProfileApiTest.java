package org.waveplan.pipeline;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryProfileApiTest extends ApiTest {

	@BeforeEach
	void site() {
		fixtures().site("TAC", 1);
	}

	@Test
	void anEngineerSetsASitesProfileWithDefaults() {
		ResponseEntity<JsonNode> put = put(engineer(), "/api/sites/TAC/delivery-profile",
				Map.of("codec", "mp3", "bitrateKbps", 64, "sampleRate", 22050, "channels", 1, "preset", "am-sw"));
		assertThat(put.getStatusCode()).as(String.valueOf(put.getBody())).isEqualTo(HttpStatus.OK);
		JsonNode profile = get(as(org.waveplan.security.Role.PRODUCER), "/api/sites/TAC/delivery-profile").getBody();
		assertThat(profile.get("codec").asText()).isEqualTo("MP3");
		assertThat(profile.get("preset").asText()).isEqualTo("am-sw");
		assertThat(profile.get("targetLufs").asDouble()).isEqualTo(-23.0);
		assertThat(profile.get("truePeakCeilingDbtp").asDouble()).isEqualTo(-1.0);
		assertThat(profile.get("leadTime").asText()).isEqualTo("PT12H");
		// a second PUT replaces it
		put(engineer(), "/api/sites/TAC/delivery-profile", Map.of("codec", "FLAC", "sampleRate", 48000, "channels", 2,
				"preset", "none", "targetLufs", -16, "leadTime", "PT6H"));
		profile = get(engineer(), "/api/sites/TAC/delivery-profile").getBody();
		assertThat(profile.get("codec").asText()).isEqualTo("FLAC");
		assertThat(profile.get("leadTime").asText()).isEqualTo("PT6H");
	}

	@Test
	void refusesAProfileForASiteThatDoesNotExist() {
		// what a request is refused for on its own is DeliveryProfileRequestTest's
		assertThat(put(engineer(), "/api/sites/XXX/delivery-profile", Map.of("codec", "mp3", "bitrateKbps", 64,
				"sampleRate", 22050, "channels", 1, "preset", "am-sw")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get(engineer(), "/api/sites/TAC/delivery-profile").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}

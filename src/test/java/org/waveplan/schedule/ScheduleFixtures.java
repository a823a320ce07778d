package org.waveplan.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds sites, equipment and slot requests through the API, as an engineer would. */
final class ScheduleFixtures {

	private final TestRestTemplate engineer;

	ScheduleFixtures(TestRestTemplate engineer) {
		this.engineer = engineer;
	}

	void site(String code, int region) {
		created(engineer.postForEntity("/api/sites",
				Map.of("code", code, "name", code + " relay", "ituRegion", region, "latitude", 41.3, "longitude", 69.2),
				JsonNode.class));
	}

	void transmitter(String site, String name, int minKhz, int maxKhz, int retuneSeconds) {
		created(engineer.postForEntity("/api/sites/" + site + "/transmitters", Map.of("name", name, "minKhz", minKhz,
				"maxKhz", maxKhz, "powerKw", 100, "retuneSeconds", retuneSeconds), JsonNode.class));
	}

	void antenna(String site, String name, int minKhz, int maxKhz) {
		created(engineer.postForEntity("/api/sites/" + site + "/antennas",
				Map.of("name", name, "azimuth", 75, "minKhz", minKhz, "maxKhz", maxKhz), JsonNode.class));
	}

	/** A daily slot request for the whole of A26, to change with {@link #with}. */
	static Map<String, Object> slot(String site, String transmitter, int khz, String start, String stop) {
		Map<String, Object> slot = new LinkedHashMap<>();
		slot.put("site", site);
		slot.put("transmitter", transmitter);
		slot.put("frequencyKhz", khz);
		slot.put("start", start);
		slot.put("stop", stop);
		slot.put("validFrom", "2026-03-29");
		slot.put("validTo", "2026-10-25");
		slot.put("targets", "44");
		slot.put("language", "kor");
		return slot;
	}

	static Map<String, Object> with(Map<String, Object> slot, Object... keysAndValues) {
		Map<String, Object> copy = new LinkedHashMap<>(slot);
		for (int i = 0; i < keysAndValues.length; i += 2) {
			copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return copy;
	}

	long create(Map<String, Object> slot) {
		ResponseEntity<JsonNode> response = engineer.postForEntity("/api/slots", slot, JsonNode.class);
		created(response);
		return response.getBody().get("id").asLong();
	}

	private static void created(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
	}

}

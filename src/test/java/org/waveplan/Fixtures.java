package org.waveplan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.waveplan.audio.Ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests build through the API, written once: sites and their equipment as an engineer makes them,
 * programs, episodes and queues as a producer does, slot requests and slots. Every call that makes something
 * asserts that it was made, so a test whose setup went wrong fails there.
 */
public class Fixtures {

	private static final Ffmpeg FFMPEG = new Ffmpeg();

	private final TestRestTemplate engineer;

	private final TestRestTemplate producer;

	public Fixtures(TestRestTemplate engineer, TestRestTemplate producer) {
		this.engineer = engineer;
		this.producer = producer;
	}

	/** For a whole service of its own, whose admin does what engineers and producers do. */
	public Fixtures(TestRestTemplate admin) {
		this(admin, admin);
	}

	/** The same calls by another client, to see what it may do. */
	public Fixtures by(TestRestTemplate client) {
		return new Fixtures(client);
	}

	/** A site in the ITU region, at Tashkent, with transmitters for all of shortwave named as given. */
	public void site(String code, int region, String... transmitters) {
		created(engineer.postForEntity("/api/sites", siteRequest(code, region), JsonNode.class));
		for (String transmitter : transmitters) {
			transmitter(code, transmitter);
		}
	}

	public static Map<String, Object> siteRequest(String code, int region) {
		return Map.of("code", code, "name", "Site " + code, "ituRegion", region, "latitude", 41.3, "longitude", 69.2);
	}

	/** 100 kW for all of shortwave, retuning in the default time. */
	public void transmitter(String site, String name) {
		created(engineer.postForEntity("/api/sites/" + site + "/transmitters",
				Map.of("name", name, "minKhz", 3950, "maxKhz", 26100, "powerKw", 100), JsonNode.class));
	}

	public void transmitter(String site, String name, int minKhz, int maxKhz, int retuneSeconds) {
		created(engineer.postForEntity("/api/sites/" + site + "/transmitters", Map.of("name", name, "minKhz", minKhz,
				"maxKhz", maxKhz, "powerKw", 100, "retuneSeconds", retuneSeconds), JsonNode.class));
	}

	public void antenna(String site, String name, int minKhz, int maxKhz) {
		created(engineer.postForEntity("/api/sites/" + site + "/antennas",
				Map.of("name", name, "azimuth", 75, "minKhz", minKhz, "maxKhz", maxKhz), JsonNode.class));
	}

	public void deliveryProfile(String site, Map<String, Object> profile) {
		ResponseEntity<JsonNode> put = engineer.exchange("/api/sites/" + site + "/delivery-profile", HttpMethod.PUT,
				new HttpEntity<>(profile), JsonNode.class);
		assertThat(put.getStatusCode()).as(String.valueOf(put.getBody())).isEqualTo(HttpStatus.OK);
	}

	/** A program in Korean with the target length. */
	public void program(String slug, int minutes) {
		created(producer.postForEntity("/api/programs", Map.of("slug", slug, "title", "Program " + slug, "language",
				"kor", "targetDurationMinutes", minutes), JsonNode.class));
	}

	public ResponseEntity<JsonNode> upload(String program, Path file, String title) {
		return upload(program, new FileSystemResource(file), title);
	}

	/** The bytes sent under the file name, whatever a file system would make of it. */
	public ResponseEntity<JsonNode> upload(String program, byte[] bytes, String fileName, String title) {
		return upload(program, new ByteArrayResource(bytes) {

			@Override
			public String getFilename() {
				return fileName;
			}

		}, title);
	}

	private ResponseEntity<JsonNode> upload(String program, Resource file, String title) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", file);
		form.add("title", title);
		return producer.postForEntity("/api/programs/" + program + "/episodes", form, JsonNode.class);
	}

	/** Uploads an episode that must be taken, and gives its id. */
	public long episode(String program, Path file, String title) {
		ResponseEntity<JsonNode> episode = upload(program, file, title);
		created(episode);
		return episode.getBody().get("id").asLong();
	}

	/** Appends the episode to the program's queue, and gives the queue. */
	public JsonNode queue(String program, long episodeId) {
		ResponseEntity<JsonNode> queue = producer.postForEntity("/api/programs/" + program + "/queue",
				Map.of("episodeId", episodeId), JsonNode.class);
		assertThat(queue.getStatusCode()).as(String.valueOf(queue.getBody())).isEqualTo(HttpStatus.OK);
		return queue.getBody();
	}

	/** A sine tone in mono, written by FFmpeg; tones of other lengths have other bytes. */
	public static Path tone(Path file, double seconds) {
		assertThat(FFMPEG.run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=1000:duration=" + seconds, "-ac", "1",
				file.toString()), Duration.ofMinutes(1)).exitCode()).isZero();
		return file;
	}

	/** A daily slot request for the whole of A26 to zone 44 in Korean, to change with {@link #with}. */
	public static Map<String, Object> slot(String site, String transmitter, int khz, String start, String stop) {
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

	/** A copy with the keys set to the values; a null value leaves the key out (the API's default). */
	public static Map<String, Object> with(Map<String, Object> slot, Object... keysAndValues) {
		Map<String, Object> copy = new LinkedHashMap<>(slot);
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] == null) {
				copy.remove(keysAndValues[i]);
			}
			else {
				copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return copy;
	}

	/** Books the slot, and gives its id. */
	public long createSlot(Map<String, Object> slot) {
		ResponseEntity<JsonNode> response = engineer.postForEntity("/api/slots", slot, JsonNode.class);
		created(response);
		return response.getBody().get("id").asLong();
	}

	/** Books the slot for the program, and gives its id. */
	public long bindSlot(Map<String, Object> slot, String program) {
		return createSlot(with(slot, "program", program));
	}

	private static void created(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
	}

}

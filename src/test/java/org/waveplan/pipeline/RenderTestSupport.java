package org.waveplan.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.waveplan.ApiTest;
import org.waveplan.MutableClock;
import org.waveplan.audio.Ffmpeg;
import org.waveplan.audio.LoudnessMeter;
import org.waveplan.shared.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/**
 * What the end-to-end tests of render jobs share: one application context with real Quartz jobs in the JDBC store,
 * the real renderer and FFmpeg. The clock is the real time here, so that jobs due in the future wait (Quartz fires
 * by the real time) and only "render now" starts them.
 */
@Import(MutableClock.Config.class)
// a database and data folder of its own, so that the Quartz schedulers of other tests' contexts do not run these
// jobs; Quartz keys its JVM-wide connection provider by scheduler name, so a name of its own too
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:waveplan-render;DB_CLOSE_DELAY=-1",
		"waveplan.data-dir=${waveplan.test.dir:target}/test-data-render",
		"spring.quartz.scheduler-name=waveplan-render-test",
		"waveplan.pipeline.retry-backoff=PT0.2S", "waveplan.pipeline.max-attempts=3" })
public abstract class RenderTestSupport extends ApiTest {

	protected static final Map<String, Object> AM = Map.of("codec", "MP3", "bitrateKbps", 48, "sampleRate", 22050, "channels",
			1, "preset", "am-sw");

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected Ffmpeg ffmpeg;

	@Autowired
	protected LoudnessMeter meter;

	@Autowired
	protected Scheduler scheduler;

	@Autowired
	RenditionStore store;

	@Autowired
	protected MeterRegistry meters;

	@Value("${waveplan.catalog.storage-root}")
	protected Path storageRoot;

	@TempDir
	protected Path temp;

	protected LocalDate tomorrow;

	@BeforeEach
	void now() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		clock.set(now);
		tomorrow = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
	}

	/** Sites TAC, TIN (same profile: MP3 for AM) and KRJ (FLAC stereo) air a one-minute episode tomorrow. */
	protected JsonNode threeSitesAirTheSameEpisodeTomorrow() {
		for (String site : List.of("TAC", "TIN", "KRJ", "XYZ")) {
			fixtures().site(site, 3, "TX1");
		}
		fixtures().deliveryProfile("TAC", AM);
		fixtures().deliveryProfile("TIN", AM);
		fixtures().deliveryProfile("KRJ", Map.of("codec", "FLAC", "sampleRate", 44100, "channels", 2, "preset", "none"));
		fixtures().program("korea-today", 1);
		Path speech = temp.resolve("speech.wav");
		assertThat(ffmpeg.run(List.of("-y", "-f", "lavfi", "-i",
				"anoisesrc=color=pink:amplitude=0.3:duration=60:seed=7,tremolo=f=3:d=0.8", "-ar", "44100", "-ac", "1",
				speech.toString()), Duration.ofMinutes(1)).exitCode()).isZero();
		ResponseEntity<JsonNode> episode = fixtures().upload("korea-today", speech, "speech.wav");
		assertThat(episode.getStatusCode()).as(String.valueOf(episode.getBody())).isEqualTo(HttpStatus.CREATED);
		fixtures().queue("korea-today", episode.getBody().get("id").asLong());
		bindSlot("TAC", 7345, "20:00", "20:01");
		bindSlot("TIN", 9550, "20:00", "20:01");
		bindSlot("KRJ", 11700, "20:00", "20:01");
		return episode.getBody();
	}

	protected ResponseEntity<JsonNode> putFile(String url, Path file) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new FileSystemResource(file));
		return engineer().exchange(url, org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(form),
				JsonNode.class);
	}

	protected void bindSlot(String site, int khz, String start, String stop) {
		bindSlot(site, khz, start, stop, "korea-today");
	}

	/**
	 * A slot on TX1 of the site, tomorrow only, bound to the program, and its airings planned and their renders
	 * queued: what follows may look at them by another way than {@link #get}, a site agent's round for one.
	 */
	protected void bindSlot(String site, int khz, String start, String stop, String program) {
		fixtures().bindSlot(with(slot(site, "TX1", khz, start, stop), "validFrom", tomorrow.toString(), "validTo",
				tomorrow.toString()), program);
		awaitEventsHandled();
	}

	protected List<JsonNode> renders(String query) {
		ResponseEntity<JsonNode> response = get(producer(), "/api/renders" + query);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		List<JsonNode> list = new ArrayList<>();
		response.getBody().forEach(list::add);
		return list;
	}

	protected List<JsonNode> awaitAll(String state, int count) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> renders("?state=" + state).size() == count);
		return renders("?state=" + state);
	}

	protected static JsonNode render(List<JsonNode> renders, String site) {
		return renders.stream().filter(r -> r.get("site").asText().equals(site)).findFirst().orElseThrow();
	}

	protected static long airing(List<JsonNode> renders, String site) {
		return render(renders, site).get("airingId").asLong();
	}

	protected double counter(String name) {
		return meters.counter(name).count();
	}

	/** Requests answered under the endpoint's pattern, with the status if one is given. */
	protected double served(String uriPattern, String status) {
		var requests = meters.find("http.server.requests").tag("uri", uriPattern);
		return (status == null ? requests : requests.tag("status", status)).timers()
			.stream()
			.mapToDouble(timer -> timer.count())
			.sum();
	}

	List<Path> workFiles() throws IOException {
		try (var files = Files.list(store.workDir())) {
			return files.filter(f -> !f.getFileName().toString().equals(".lock")).toList();
		}
	}

	protected static String sha256(Path file) throws Exception {
		return Sha256.of(file);
	}

}

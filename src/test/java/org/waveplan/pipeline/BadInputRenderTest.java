package org.waveplan.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.audio.BadAudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bad-input corpus through the whole service: uploaded over HTTP, queued, planned, rendered by its job. Each
 * file ends refused at upload (422 with the reason), as a verified rendition, or as a failed render with the
 * reason; the service answers throughout.
 */
class BadInputRenderTest extends RenderTestSupport {

	@Test
	void everyBadInputEndsWithAFileOrAClearReason() {
		fixtures().site("TAC", 3, "TX1");
		fixtures().deliveryProfile("TAC", AM);
		List<BadAudio.Case> accepted = new ArrayList<>();
		for (BadAudio.Case bad : BadAudio.Case.values()) {
			String program = slug(bad);
			fixtures().program(program, minutes(bad));
			Path file = bad.make(temp);
			ResponseEntity<JsonNode> upload = fixtures().upload(program, file, file.getFileName().toString());
			if (bad.outcome() == BadAudio.Outcome.REFUSED_AT_INGEST) {
				assertThat(upload.getStatusCode()).as(bad.name()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
				assertThat(upload.getBody().get("detail").asText()).as(bad.name()).contains(bad.reason());
				continue;
			}
			assertThat(upload.getStatusCode()).as(bad + ": " + upload.getBody()).isEqualTo(HttpStatus.CREATED);
			fixtures().queue(program, upload.getBody().get("id").asLong());
			// an hour apart on one transmitter, each slot as long as the case's airing
			LocalTime start = LocalTime.of(accepted.size(), 0);
			bindSlot("TAC", 7345, start.toString(), start.plusMinutes(minutes(bad)).toString(), program);
			accepted.add(bad);
		}
		List<JsonNode> queued = renders("");
		assertThat(queued).hasSize(accepted.size());
		for (JsonNode render : queued) {
			post(producer(), "/api/airings/" + render.get("airingId").asLong() + "/render", null);
		}
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> renders("").stream().allMatch(r -> r.get("state").asText().matches("done|failed")));
		for (BadAudio.Case bad : accepted) {
			JsonNode render = renders("").stream()
				.filter(r -> r.get("program").asText().equals(slug(bad)))
				.findFirst()
				.orElseThrow();
			if (bad.outcome() == BadAudio.Outcome.RENDERED) {
				assertThat(render.get("state").asText()).as(bad + ": " + render).isEqualTo("done");
				assertThat(render.get("file").get("integratedLufs").asDouble()).as(bad.name()).isBetween(-24.0, -22.0);
				assertThat(render.get("file").get("truePeakDbtp").asDouble()).as(bad.name()).isLessThan(-1.0);
				assertThat(render.get("file").get("durationSeconds").asDouble()).as(bad.name())
					.isCloseTo(minutes(bad) * 60.0, org.assertj.core.data.Offset.offset(0.05));
			}
			else {
				assertThat(render.get("state").asText()).as(bad + ": " + render).isEqualTo("failed");
				assertThat(render.get("reason").asText()).as(bad.name()).contains(bad.reason());
				assertThat(render.get("attempts").asInt()).as(bad.name()).isEqualTo(1);
			}
		}
		assertThat(get(producer(), "/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private static String slug(BadAudio.Case bad) {
		return bad.name().toLowerCase().replace('_', '-');
	}

	/** Slots are whole minutes: the case's airing, rounded up. */
	private static int minutes(BadAudio.Case bad) {
		return (int) Math.max(1, (bad.airing().toSeconds() + 59) / 60);
	}

}

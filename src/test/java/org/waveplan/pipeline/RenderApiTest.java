package org.waveplan.pipeline;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.NotAboutTheDatabase;
import org.waveplan.audio.AudioAnalysis;
import org.waveplan.audio.Codec;
import org.waveplan.audio.TinyDisk;
import org.waveplan.shared.StoredObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Render jobs end to end: a job per airing due at its time, one run for a batch of sites, content addressing,
 * profile and ident changes that redo only what they change, failures with their reasons and retries. The files
 * are checked by decoding them.
 */
class RenderApiTest extends RenderTestSupport {

	@Autowired
	RetryScheduler retries;

	@Autowired
	RenderWorker worker;

	private static final Duration LENGTH = Duration.ofMinutes(1);

	@Test
	void rendersEverySitesFileInOneRunAtItsTimeOrAtOnceOnRequest() throws Exception {
		JsonNode episode = threeSitesAirTheSameEpisodeTomorrow();
		List<JsonNode> queued = renders("");
		assertThat(queued).hasSize(3).allSatisfy(r -> assertThat(r.get("state").asText()).isEqualTo("queued"));
		// due at air time less the lead time (12 hours), as a Quartz trigger
		for (JsonNode render : queued) {
			Instant due = Instant.parse(render.get("dueAt").asText());
			assertThat(due).isEqualTo(Instant.parse(render.get("startsAt").asText()).minus(Duration.ofHours(12)));
			Trigger trigger = scheduler.getTrigger(new TriggerKey("airing-" + render.get("airingId").asLong(), "render"));
			assertThat(trigger.getStartTime().toInstant()).isEqualTo(due);
		}
		double runs = counter("waveplan.render.runs");
		double made = counter("waveplan.render.renditions");

		ResponseEntity<JsonNode> now = post(producer(), "/api/airings/" + airing(queued, "TAC") + "/render", null);
		assertThat(now.getStatusCode()).as(String.valueOf(now.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		List<JsonNode> done = awaitAll("done", 3);

		// one FFmpeg render for all three sites; TAC and TIN share a profile, so one file
		assertThat(counter("waveplan.render.runs") - runs).isEqualTo(1);
		assertThat(counter("waveplan.render.renditions") - made).isEqualTo(2);
		assertThat(render(done, "TAC").get("renditionKey")).isEqualTo(render(done, "TIN").get("renditionKey"));
		assertThat(render(done, "KRJ").get("renditionKey")).isNotEqualTo(render(done, "TAC").get("renditionKey"));
		for (JsonNode render : done) {
			JsonNode file = render.get("file");
			// as stored, wherever that is: read through the store
			StoredObject stored = store.object(render.get("renditionKey").asText(),
					org.waveplan.audio.Codec.valueOf(file.get("codec").asText()), null);
			assertThat(stored.size()).hasValue(file.get("sizeBytes").asLong());
			Path path = temp.resolve(render.get("site").asText() + "." + file.get("codec").asText().toLowerCase());
			try (InputStream in = stored.read(0, file.get("sizeBytes").asLong() - 1)) {
				Files.copy(in, path);
			}
			assertThat(sha256(path)).isEqualTo(file.get("sha256").asText());
			AudioAnalysis decoded = meter.analyze(path);
			assertThat(decoded.info().duration().toMillis()).isCloseTo(LENGTH.toMillis(), org.assertj.core.data.Offset.offset(50L));
			assertThat(decoded.loudness().integratedLufs()).isCloseTo(-23.0, org.assertj.core.data.Offset.offset(1.0));
			assertThat(decoded.loudness().truePeakDbtp()).isLessThan(-1.0);
			assertThat(decoded.info().channels()).isEqualTo(render.get("site").asText().equals("KRJ") ? 2 : 1);
		}
		assertThat(get(producer(), "/api/airings?program=korea-today").getBody())
			.allSatisfy(a -> assertThat(a.get("rendered").asBoolean()).isTrue());
		assertThat(workFiles()).isEmpty();

		// a repeat the same day needs the same file: done at once, nothing rendered
		bindSlot("KRJ", 9550, "22:00", "22:01");
		List<JsonNode> all = renders("");
		assertThat(all).hasSize(4).allSatisfy(r -> assertThat(r.get("state").asText()).isEqualTo("done"));
		assertThat(counter("waveplan.render.runs") - runs).isEqualTo(1);
		assertThat(episode.get("sha256").asText()).hasSize(64);
	}

	@Test
	void aProfileChangeRedoesThatSitesRendersOnly() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		post(producer(), "/api/airings/" + airing(renders(""), "TAC") + "/render", null);
		List<JsonNode> before = awaitAll("done", 3);
		double runs = counter("waveplan.render.runs");

		fixtures().deliveryProfile("KRJ", Map.of("codec", "FLAC", "sampleRate", 44100, "channels", 2, "preset", "none", "targetLufs", -20));
		List<JsonNode> after = renders("");
		assertThat(render(after, "KRJ").get("state").asText()).isEqualTo("queued");
		assertThat(render(after, "KRJ").get("renditionKey")).isNotEqualTo(render(before, "KRJ").get("renditionKey"));
		for (String site : List.of("TAC", "TIN")) {
			assertThat(render(after, site)).as(site).isEqualTo(render(before, site));
		}
		post(engineer(), "/api/airings/" + airing(after, "KRJ") + "/render", null);
		List<JsonNode> redone = awaitAll("done", 3);
		assertThat(counter("waveplan.render.runs") - runs).isEqualTo(1);
		assertThat(render(redone, "KRJ").get("file").get("integratedLufs").asDouble()).isBetween(-21.0, -19.0);
		assertThat(render(redone, "TAC")).isEqualTo(render(before, "TAC"));
	}

	@Test
	@NotAboutTheDatabase
	void aSiteWhoseFileCannotMeetItsProfileFailsAloneAndTheOthersGetTheirs() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		// louder than its own true-peak ceiling allows: no file can meet it
		fixtures().deliveryProfile("KRJ", Map.of("codec", "FLAC", "sampleRate", 44100, "channels", 2, "preset", "none", "targetLufs", -5,
				"truePeakCeilingDbtp", -9));
		double runs = counter("waveplan.render.runs");

		post(producer(), "/api/airings/" + airing(renders(""), "TAC") + "/render", null);

		List<JsonNode> done = awaitAll("done", 2);
		assertThat(done).extracting(r -> r.get("site").asText()).containsExactlyInAnyOrder("TAC", "TIN");
		JsonNode failed = awaitAll("failed", 1).get(0);
		assertThat(failed.get("site").asText()).isEqualTo("KRJ");
		assertThat(failed.get("attempts").asInt()).isEqualTo(1);
		assertThat(failed.get("reason").asText()).contains("the file's loudness is").contains("not -5.0 LUFS");
		assertThat(counter("waveplan.render.runs") - runs).isEqualTo(1);
	}

	/**
	 * A batch whose own site failed for good and whose others may pass: the others are retried under a job
	 * that takes them up (the failures are given at the worker's seam: one site's FFmpeg failing by itself
	 * cannot be brought about on purpose).
	 */
	@Test
	void whatMayPassIsRetriedUnderItsOwnJobWhenTheJobsSiteFailedForGood() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		List<JsonNode> queued = renders("");
		long tac = airing(queued, "TAC");
		String tacKey = render(queued, "TAC").get("renditionKey").asText();
		String owner = RenderTriggers.owner(tac);
		jdbc.update("update render set state = 'RUNNING', claimed_by = ?", owner);

		retries.fail(owner, key -> key.equals(tacKey) ? new RetryScheduler.Failure("broken for good", false)
				: new RetryScheduler.Failure("disk hiccup", true));

		// TAC and TIN share their file
		List<JsonNode> failed = renders("?state=failed");
		assertThat(failed).extracting(r -> r.get("site").asText()).containsExactlyInAnyOrder("TAC", "TIN");
		assertThat(failed).allSatisfy(r -> assertThat(r.get("reason").asText()).isEqualTo("broken for good"));
		JsonNode done = awaitAll("done", 1).get(0);
		assertThat(done.get("site").asText()).isEqualTo("KRJ");
		assertThat(done.get("attempts").asInt()).isEqualTo(1);
		assertThat(renders("?state=failed")).hasSize(2);
	}

	@Test
	void aRenderQueuedForARetryStartsFromNothing() {
		threeSitesAirTheSameEpisodeTomorrow();
		long tac = airing(renders(""), "TAC");
		String owner = RenderTriggers.owner(tac);
		// its run had got to the end when it failed
		jdbc.update("update render set state = 'RUNNING', claimed_by = ?, progress = 1, attempts = 1", owner);
		// the retry an hour away, so that it does not start while we look
		clock.set(clock.instant().plus(Duration.ofHours(1)));

		retries.fail(owner, key -> new RetryScheduler.Failure("disk hiccup", true));

		assertThat(renders("?state=queued")).hasSize(3).allSatisfy(r -> {
			assertThat(r.get("progress").asDouble()).isZero();
			assertThat(r.get("attempts").asInt()).isEqualTo(1);
			assertThat(r.get("reason").asText()).startsWith("disk hiccup (attempt 1 of 3, again at ");
		});
	}

	/** The object store out of reach is the service's trouble: the render waits for it without using up attempts. */
	@Test
	void aRenderThatFoundTheStoreOutOfReachIsQueuedAgainWithoutUsingAnAttempt() {
		threeSitesAirTheSameEpisodeTomorrow();
		long tac = airing(renders(""), "TAC");
		String owner = RenderTriggers.owner(tac);
		// in its last attempt (max-attempts is 3), an hour before the retry would start
		jdbc.update("update render set state = 'RUNNING', claimed_by = ?, attempts = 3 where airing_id = ?", owner, tac);
		clock.set(clock.instant().plus(Duration.ofHours(1)));

		retries.fail(owner, key -> new RetryScheduler.Failure("cannot read the source: the bucket is down", true, true));

		JsonNode waiting = render(renders(""), "TAC");
		assertThat(waiting.get("state").asText()).isEqualTo("queued");
		assertThat(waiting.get("attempts").asInt()).isEqualTo(2);
		assertThat(waiting.get("reason").asText())
			.startsWith("cannot read the source: the bucket is down (not counted as an attempt; again at ");
	}

	/** A render taken back after a crash in each of its attempts fails for good: it may be what kills the service. */
	@Test
	void aRenderCutShortInEachOfItsAttemptsFails() {
		threeSitesAirTheSameEpisodeTomorrow();
		long tac = airing(renders(""), "TAC");
		// as a job left it that was killed in its third run (max-attempts is 3)
		jdbc.update("update render set state = 'RUNNING', claimed_by = ?, attempts = 3 where airing_id = ?",
				RenderTriggers.owner(tac), tac);

		worker.render(tac);

		JsonNode failed = render(renders(""), "TAC");
		assertThat(failed.get("state").asText()).isEqualTo("failed");
		assertThat(failed.get("attempts").asInt()).isEqualTo(3);
		assertThat(failed.get("reason").asText()).isEqualTo("each of its 3 runs was cut short: the service stopped"
				+ " during it");
		assertThat(renders("?state=done")).extracting(r -> r.get("site").asText())
			.containsExactlyInAnyOrder("TIN", "KRJ");
	}

	/**
	 * Each site's directory in the renders folder is tried before the render: one that cannot be written fails
	 * that site's render at once, a failure that may pass, and never costs a run of FFmpeg; the others render.
	 */
	@Test
	@NotAboutTheDatabase
	void aRendersDirectoryThatCannotBeWrittenIsFoundBeforeTheRender() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		JsonNode krj = render(renders(""), "KRJ");
		Path dir = store.object(krj.get("renditionKey").asText(), Codec.FLAC, null).localPath().orElseThrow().getParent();
		Path aside = dir.resolveSibling(dir.getFileName() + ".aside");
		boolean existed = Files.exists(dir);
		if (existed) {
			Files.move(dir, aside);
		}
		Files.writeString(dir, "a file where the directory belongs");
		double runs = counter("waveplan.render.runs");
		try {
			post(engineer(), "/api/airings/" + krj.get("airingId").asLong() + "/render", null);

			assertThat(awaitAll("done", 2)).extracting(r -> r.get("site").asText())
				.containsExactlyInAnyOrder("TAC", "TIN");
			JsonNode failed = awaitAll("failed", 1).get(0);
			assertThat(failed.get("site").asText()).isEqualTo("KRJ");
			assertThat(failed.get("attempts").asInt()).isEqualTo(3);
			assertThat(failed.get("progress").asDouble()).isZero();
			assertThat(failed.get("reason").asText()).isEqualTo("cannot write in " + dir + ": " + dir
					+ " is in the way (a file where a directory belongs?)");
			assertThat(counter("waveplan.render.runs") - runs).as("FFmpeg runs").isEqualTo(1);
		}
		finally {
			Files.delete(dir);
			if (existed) {
				Files.move(aside, dir);
			}
		}
	}

	/** A file that cannot be moved into its place fails only the renders that wanted it, as may pass. */
	@Test
	@NotAboutTheDatabase
	void aRenditionThatCannotBePublishedFailsAloneAndTheOthersGetTheirs() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		JsonNode krj = render(renders(""), "KRJ");
		Path dir = store.object(krj.get("renditionKey").asText(), Codec.FLAC, null).localPath().orElseThrow().getParent();
		// another file system: KRJ's directory takes the probe, but its file cannot be moved in
		try (TinyDisk disk = TinyDisk.mount(dir, 64)) {
			post(engineer(), "/api/airings/" + krj.get("airingId").asLong() + "/render", null);
			assertThat(awaitAll("done", 2)).extracting(r -> r.get("site").asText())
				.containsExactlyInAnyOrder("TAC", "TIN");
			// to the last attempt, so that no retry is left to publish into the next test
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode failed = render(renders(""), "KRJ");
				assertThat(failed.get("state").asText()).isEqualTo("failed");
				assertThat(failed.get("attempts").asInt()).isEqualTo(3);
				assertThat(failed.get("reason").asText()).startsWith("cannot").contains(dir.toString());
			});
		}
	}

	/** A full disk fails a render as may pass: retried with the backoff, its reason a line naming the directory. */
	@Test
	@NotAboutTheDatabase
	void aFullDiskIsRetriedWithAReasonThatNamesTheDirectory() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		Path work = store.workDir();
		try (TinyDisk disk = TinyDisk.mount(work, 256)) {
			post(engineer(), "/api/airings/" + airing(renders(""), "TAC") + "/render", null);

			assertThat(awaitAll("failed", 3)).allSatisfy(r -> {
				assertThat(r.get("attempts").asInt()).isEqualTo(3);
				assertThat(r.get("reason").asText()).isEqualTo("cannot write in " + work + ": no space left on device");
			});
			assertThat(workFiles()).isEmpty();
		}
		// room again: rendered on request
		post(engineer(), "/api/airings/" + airing(renders(""), "TAC") + "/render", null);
		assertThat(awaitAll("done", 1).get(0).get("site").asText()).isEqualTo("TAC");
	}

	@Test
	@NotAboutTheDatabase
	void aSitesIdentIsPartOfItsFilesOnly() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		List<JsonNode> before = renders("");
		Path ident = temp.resolve("ident.wav");
		assertThat(ffmpeg.run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=880:duration=3", ident.toString()),
				Duration.ofMinutes(1)).exitCode()).isZero();
		ResponseEntity<JsonNode> set = putFile("/api/sites/TAC/ident", ident);
		assertThat(set.getStatusCode()).as(String.valueOf(set.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(get(engineer(), "/api/sites/TAC/delivery-profile").getBody().get("identSha256").asText())
			.isEqualTo(set.getBody().get("sha256").asText());
		List<JsonNode> after = renders("");
		assertThat(render(after, "TAC").get("renditionKey")).isNotEqualTo(render(before, "TAC").get("renditionKey"));
		assertThat(render(after, "TIN")).isEqualTo(render(before, "TIN"));

		post(engineer(), "/api/airings/" + airing(after, "TAC") + "/render", null);
		await().atMost(Duration.ofSeconds(60)).until(() -> render(renders(""), "TAC").get("state").asText().equals("done"));
		// another ident, another batch: TIN waits for its own time
		assertThat(render(renders(""), "TIN").get("state").asText()).isEqualTo("queued");
		assertThat(render(renders(""), "TAC").get("file").get("durationSeconds").asDouble()).isEqualTo(60.0);

		assertThat(putFile("/api/sites/TAC/ident", Files.writeString(temp.resolve("ident.mp3"), "not audio"))
			.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(putFile("/api/sites/XYZ/ident", ident).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(engineer().exchange("/api/sites/TAC/ident", org.springframework.http.HttpMethod.DELETE, null,
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(render(renders(""), "TAC").get("renditionKey")).isEqualTo(render(before, "TAC").get("renditionKey"));
	}

	@Test
	@NotAboutTheDatabase
	void anOriginalDamagedOnDiskFailsWithItsReasonAndTheServiceStaysUp() throws Exception {
		JsonNode episode = threeSitesAirTheSameEpisodeTomorrow();
		Path original = storageRoot.resolve("originals").resolve(episode.get("sha256").asText().substring(0, 2))
			.resolve(episode.get("sha256").asText());
		byte[] bytes = Files.readAllBytes(original);
		Files.write(original, java.util.Arrays.copyOf(bytes, bytes.length / 3));
		long airing = airing(renders(""), "KRJ");
		post(engineer(), "/api/airings/" + airing + "/render", null);
		List<JsonNode> failed = awaitAll("failed", 3);
		// the source cannot become whole by trying again: failed at the first attempt
		assertThat(failed).allSatisfy(r -> {
			assertThat(r.get("attempts").asInt()).isEqualTo(1);
			assertThat(r.get("reason").asText()).startsWith("the episode cannot be rendered: ");
		});
		assertThat(workFiles()).isEmpty();
		assertThat(get(producer(), "/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);

		// fixed on disk, rendered again on request: that airing, the others stay failed until asked for
		Files.write(original, bytes);
		assertThat(post(engineer(), "/api/airings/" + airing + "/render", null).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
		assertThat(awaitAll("done", 1).get(0).get("airingId").asLong()).isEqualTo(airing);
		assertThat(renders("?state=failed")).hasSize(2);
	}

	@Test
	void retriesWhatMayPassThenFails() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		Path work = store.workDir();
		Path aside = work.resolveSibling(work.getFileName() + ".aside");
		Files.move(work, aside);
		Files.writeString(work, "not a directory");
		try {
			post(engineer(), "/api/airings/" + airing(renders(""), "TAC") + "/render", null);
			List<JsonNode> failed = awaitAll("failed", 3);
			assertThat(failed).allSatisfy(r -> {
				assertThat(r.get("attempts").asInt()).isEqualTo(3);
				assertThat(r.get("reason").asText()).contains("cannot write in");
			});
		}
		finally {
			Files.delete(work);
			Files.move(aside, work);
		}
	}

	@Test
	@NotAboutTheDatabase
	void refusesWhatCannotBeRendered() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		assertThat(post(producer(), "/api/airings/999999/render", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		bindSlot("XYZ", 6000, "20:00", "20:01");
		long noProfile = get(producer(), "/api/airings?site=XYZ").getBody().get(0).get("id").asLong();
		ResponseEntity<JsonNode> refused = post(producer(), "/api/airings/" + noProfile + "/render", null);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().get("detail").asText()).endsWith("site XYZ has no delivery profile");
		assertThat(rest.getForEntity("/api/renders", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(renders("?state=queued&site=TAC")).hasSize(1);
		assertThat(get(producer(), "/api/renders?state=melted").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

}

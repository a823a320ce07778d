package org.waveplan.pipeline;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queued render whose job was lost (Quartz deleted its fired trigger while the database failed) gets one back
 * from the sweep, when it was due; a render whose job is there keeps it as it was.
 */
class RenderSweepTest extends RenderTestSupport {

	@Autowired
	RenderSweep sweep;

	@Autowired
	RetryScheduler retries;

	@Test
	void aQueuedRenderWithoutAJobGetsOneAtItsDueTime() throws SchedulerException {
		threeSitesAirTheSameEpisodeTomorrow();
		List<JsonNode> queued = renders("");
		assertThat(queued).hasSize(3).allMatch(render -> render.get("state").asText().equals("queued"));
		long lost = queued.get(0).get("airingId").asLong();
		long kept = queued.get(1).get("airingId").asLong();
		Instant keptAt = fireTime(kept);
		scheduler.deleteJob(new JobKey(RenderTriggers.owner(lost), "render"));

		assertThat(sweep.sweep()).isEqualTo(1);

		Instant due = jdbc.queryForObject("select due_at from render where airing_id = ?", Timestamp.class, lost)
			.toInstant();
		assertThat(fireTime(lost)).isEqualTo(due);
		assertThat(fireTime(kept)).isEqualTo(keptAt);
		assertThat(sweep.sweep()).isZero();
	}

	@Test
	void aRetriedBatchGivesEachOfItsRendersItsJobAndLeavesTheSweepNothing() throws SchedulerException {
		threeSitesAirTheSameEpisodeTomorrow();
		List<JsonNode> queued = renders("");
		String owner = RenderTriggers.owner(queued.get(0).get("airingId").asLong());
		jdbc.update("update render set state = 'RUNNING', claimed_by = ?, attempts = 1", owner);
		// the retry an hour away, so that it does not start while we look
		clock.set(clock.instant().plus(Duration.ofHours(1)));

		retries.fail(owner, key -> new RetryScheduler.Failure("disk hiccup", true));

		for (JsonNode render : queued) {
			assertThat(scheduler.checkExists(new JobKey(RenderTriggers.owner(render.get("airingId").asLong()), "render")))
				.isTrue();
		}
		assertThat(sweep.sweep()).isZero();
	}

	private Instant fireTime(long airingId) throws SchedulerException {
		return scheduler.getTrigger(new TriggerKey(RenderTriggers.owner(airingId), "render")).getNextFireTime().toInstant();
	}

}

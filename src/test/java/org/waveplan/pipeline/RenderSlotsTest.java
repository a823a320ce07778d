package org.waveplan.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance allowed one FFmpeg process runs one render at a time, however many Quartz threads it has: a job
 * that fires meanwhile claims nothing and comes back later.
 */
@TestPropertySource(properties = { "waveplan.audio.max-processes=1",
		"spring.datasource.url=jdbc:h2:mem:waveplan-render-slots;DB_CLOSE_DELAY=-1",
		"waveplan.data-dir=${waveplan.test.dir:target}/test-data-render-slots",
		"spring.quartz.scheduler-name=waveplan-render-slots-test" })
class RenderSlotsTest extends RenderTestSupport {

	@Test
	void twoJobsDueAtOnceRenderOneAfterTheOther() {
		threeSitesAirTheSameEpisodeTomorrow();
		// another length: a batch of its own, under a job of its own
		bindSlot("TAC", 9650, "21:00", "21:02");
		List<Long> airings = renders("?site=TAC").stream().map(r -> r.get("airingId").asLong()).toList();
		assertThat(airings).hasSize(2);
		for (long airing : airings) {
			post(producer(), "/api/airings/" + airing + "/render", null);
		}
		AtomicInteger mostJobsRunning = new AtomicInteger();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
			mostJobsRunning.accumulateAndGet(jdbc.queryForObject(
					"select count(distinct claimed_by) from render where state = 'RUNNING'", Integer.class), Math::max);
			return jdbc.queryForObject("select count(*) from render where state = 'DONE'", Integer.class) == 4;
		});
		assertThat(mostJobsRunning.get()).isEqualTo(1);
	}

}

package org.waveplan.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.waveplan.shared.EveryMinute;

/**
 * Every minute, one instance of the cluster gives a job back to each queued render that has none. Quartz deletes a
 * one-shot trigger once it has fired, so a job that could not put itself back (the database failed as a busy
 * instance rescheduled it) would leave its render queued with nothing to run it, and the site without its file.
 */
@Component
class RenderSweep implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(RenderSweep.class);

	private final RenderRepository renders;

	private final RenderTriggers triggers;

	private final PipelineProperties settings;

	private final Clock clock;

	RenderSweep(RenderRepository renders, RenderTriggers triggers, PipelineProperties settings, Clock clock) {
		this.renders = renders;
		this.triggers = triggers;
		this.settings = settings;
		this.clock = clock;
	}

	/** Schedules each queued render without a job when it is due (after its retry's wait); answers how many. */
	int sweep() {
		Instant now = clock.instant();
		// renders before jobs: a job that ends between the two reads leaves a render that is no longer queued, and
		// the job given to it takes up nothing
		List<Render> queued = renders.find(now, null, RenderState.QUEUED, null);
		Set<Long> scheduled = triggers.scheduled();
		int armed = 0;
		for (Render render : queued) {
			if (!scheduled.contains(render.getAiringId())) {
				Instant at = render.getAttempts() > 0
						? render.getUpdatedAt().plus(settings.backoffAfter(render.getAttempts())) : render.getDueAt();
				at = at.isAfter(now) ? at : now;
				// not over a job made since the read, a "render now" for one
				if (triggers.scheduleIfAbsent(render.getAiringId(), at)) {
					log.warn("queued render of airing {} for {} had no job: it runs at {}", render.getAiringId(),
							render.getSite(), at);
					armed++;
				}
			}
		}
		return armed;
	}

	@Override
	public void run() {
		sweep();
	}

	// static: the scheduler is made from these beans, and this class needs the scheduler
	@Bean
	static JobDetail renderSweepJob() {
		return EveryMinute.job("render-sweep", "pipeline", RenderSweep.class);
	}

	@Bean
	static Trigger renderSweepTrigger(JobDetail renderSweepJob) {
		return EveryMinute.trigger(renderSweepJob);
	}

}

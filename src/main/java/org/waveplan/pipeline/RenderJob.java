package org.waveplan.pipeline;

import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of one airing: renders it, with its batch, when it is due. An instance whose render slots are all
 * taken claims nothing and puts the job back a few seconds later, for whichever instance is free then.
 */
@DisallowConcurrentExecution
class RenderJob extends QuartzJobBean {

	static final String AIRING_ID = "airingId";

	static final Duration BUSY_RETRY = Duration.ofSeconds(5);

	private final RenderWorker worker;

	private final RenderSlots slots;

	private final RenderTriggers triggers;

	RenderJob(RenderWorker worker, RenderSlots slots, RenderTriggers triggers) {
		this.worker = worker;
		this.slots = slots;
		this.triggers = triggers;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		long airingId = context.getMergedJobDataMap().getLong(AIRING_ID);
		if (!slots.tryTake()) {
			// a wait on Quartz's own time, whatever the application's clock says
			triggers.schedule(airingId, context.getFireTime().toInstant().plus(BUSY_RETRY));
			return;
		}
		try {
			worker.render(airingId);
		}
		finally {
			slots.release();
		}
	}

}

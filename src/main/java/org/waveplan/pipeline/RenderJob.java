package org.waveplan.pipeline;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/** The Quartz job of one airing: renders it, with its batch, when it is due. */
@DisallowConcurrentExecution
class RenderJob extends QuartzJobBean {

	static final String AIRING_ID = "airingId";

	private final RenderWorker worker;

	RenderJob(RenderWorker worker) {
		this.worker = worker;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		worker.render(context.getMergedJobDataMap().getLong(AIRING_ID));
	}

}

package org.waveplan.bundles;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/** The Quartz job of one bundle: builds it. */
@DisallowConcurrentExecution
class BundleJob extends QuartzJobBean {

	static final String BUNDLE_ID = "bundleId";

	private final BundleBuilder builder;

	BundleJob(BundleBuilder builder) {
		this.builder = builder;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		builder.build(context.getMergedJobDataMap().getLong(BUNDLE_ID));
	}

}

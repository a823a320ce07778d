package org.waveplan.bundles;

import java.time.Clock;
import java.util.ArrayList;
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
 * Every minute, one instance of the cluster gives a job back to each queued or running bundle that has none: a job
 * lost with the database at the wrong moment would leave its bundle waiting for ever.
 */
@Component
class BundleSweep implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(BundleSweep.class);

	private final BundleRepository bundles;

	private final BundleTriggers triggers;

	private final Clock clock;

	BundleSweep(BundleRepository bundles, BundleTriggers triggers, Clock clock) {
		this.bundles = bundles;
		this.triggers = triggers;
		this.clock = clock;
	}

	/** Schedules each unfinished bundle without a job; answers how many. */
	int sweep() {
		// bundles before jobs: a job that ends between the two reads leaves a bundle that is finished, and the job
		// given to it finds nothing to do
		List<Bundle> unfinished = new ArrayList<>(bundles.findByState(BundleState.QUEUED));
		unfinished.addAll(bundles.findByState(BundleState.RUNNING));
		Set<Long> scheduled = triggers.scheduled();
		int armed = 0;
		for (Bundle bundle : unfinished) {
			if (!scheduled.contains(bundle.getId()) && triggers.scheduleIfAbsent(bundle.getId(), clock.instant())) {
				log.warn("bundle {} ({}) had no job: it is built again", bundle.getId(), bundle.getState());
				armed++;
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
	static JobDetail bundleSweepJob() {
		return EveryMinute.job("bundle-sweep", "bundles", BundleSweep.class);
	}

	@Bean
	static Trigger bundleSweepTrigger(JobDetail bundleSweepJob) {
		return EveryMinute.trigger(bundleSweepJob);
	}

}

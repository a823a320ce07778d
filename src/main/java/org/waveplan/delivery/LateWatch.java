package org.waveplan.delivery;

import org.quartz.JobDetail;
import org.quartz.Trigger;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.waveplan.shared.EveryMinute;

/** Every minute, one instance of the cluster records airings gone late, and refreshes the gauges. */
@Component
class LateWatch implements Runnable {

	private final DeliveryStatus status;

	LateWatch(DeliveryStatus status) {
		this.status = status;
	}

	@Override
	public void run() {
		status.refresh();
	}

	// static: the scheduler is made from these beans, before this one
	@Bean
	static JobDetail lateWatchJob() {
		return EveryMinute.job("late-watch", "delivery", LateWatch.class);
	}

	@Bean
	static Trigger lateWatchTrigger(JobDetail lateWatchJob) {
		return EveryMinute.trigger(lateWatchJob);
	}

}

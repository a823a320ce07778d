package org.waveplan.delivery;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Every minute, one instance of the cluster records airings gone late, and refreshes the gauges. */
@Configuration
class LateWatch {

	@Bean
	JobDetail lateWatchJob() {
		return JobBuilder.newJob(Run.class).withIdentity("late-watch", "delivery").storeDurably().build();
	}

	@Bean
	Trigger lateWatchTrigger(JobDetail lateWatchJob) {
		return TriggerBuilder.newTrigger()
			.forJob(lateWatchJob)
			.withIdentity("late-watch", "delivery")
			.withSchedule(SimpleScheduleBuilder.repeatMinutelyForever().withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

	@DisallowConcurrentExecution
	static class Run extends QuartzJobBean {

		private final DeliveryStatus status;

		Run(DeliveryStatus status) {
			this.status = status;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			status.refresh();
		}

	}

}

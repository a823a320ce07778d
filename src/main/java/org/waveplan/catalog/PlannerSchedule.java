package org.waveplan.catalog;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The planner runs as a durable Quartz job in the database: hourly by default, and after every change. */
@Configuration
class PlannerSchedule {

	@Bean
	JobDetail airingPlannerJob() {
		return JobBuilder.newJob(Run.class).withIdentity("airing-planner", "catalog").storeDurably().build();
	}

	@Bean
	Trigger airingPlannerTrigger(JobDetail airingPlannerJob, CatalogProperties settings) {
		return TriggerBuilder.newTrigger()
			.forJob(airingPlannerJob)
			.withIdentity("airing-planner", "catalog")
			.withSchedule(CronScheduleBuilder.cronSchedule(settings.plannerCron()).withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	@DisallowConcurrentExecution
	static class Run extends QuartzJobBean {

		private final AiringPlanner planner;

		Run(AiringPlanner planner) {
			this.planner = planner;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			planner.plan();
		}

	}

}

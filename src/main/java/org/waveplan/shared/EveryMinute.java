package org.waveplan.shared;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.util.ClassUtils;

/**
 * A task run every minute by one instance of the cluster at a time: a durable Quartz job in the JDBC store that
 * calls a bean (a {@link Runnable}). A minute missed while no instance ran is not made up for: the next one does it.
 * Declare both as beans: {@code job(...)} and {@code trigger(job)}.
 */
public final class EveryMinute {

	private static final String TASK = "task";

	private EveryMinute() {
	}

	public static JobDetail job(String name, String group, Class<? extends Runnable> task) {
		return JobBuilder.newJob(Run.class)
			.withIdentity(name, group)
			.usingJobData(TASK, task.getName())
			.storeDurably()
			.build();
	}

	public static Trigger trigger(JobDetail job) {
		return TriggerBuilder.newTrigger()
			.forJob(job)
			.withIdentity(job.getKey().getName(), job.getKey().getGroup())
			.withSchedule(SimpleScheduleBuilder.repeatMinutelyForever().withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

	@DisallowConcurrentExecution
	static class Run extends QuartzJobBean {

		private final ApplicationContext beans;

		Run(ApplicationContext beans) {
			this.beans = beans;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			String task = context.getMergedJobDataMap().getString(TASK);
			Class<?> type = ClassUtils.resolveClassName(task, beans.getClassLoader());
			((Runnable) beans.getBean(type)).run();
		}

	}

}

package org.waveplan.bundles;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.stereotype.Component;

/**
 * One Quartz job per bundle to build, in the JDBC store, recovery requested: a build cut short by a kill runs again
 * when an instance starts. Scheduling joins the caller's transaction, so a bundle row and its job are stored together
 * or not at all.
 */
@Component
class BundleTriggers {

	private static final String GROUP = "bundle";

	private static final String PREFIX = "bundle-";

	private final Scheduler scheduler;

	BundleTriggers(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/** Runs the bundle's job at that time (at once if it is past), unless it has one already: whether it was made. */
	boolean scheduleIfAbsent(long bundleId, Instant at) {
		JobDetail job = JobBuilder.newJob(BundleJob.class)
			.withIdentity(PREFIX + bundleId, GROUP)
			.usingJobData(BundleJob.BUNDLE_ID, bundleId)
			.requestRecovery()
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(job.getKey().getName(), GROUP)
			.forJob(job)
			.startAt(Date.from(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			scheduler.scheduleJob(job, trigger);
			return true;
		}
		catch (ObjectAlreadyExistsException made) {
			return false;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot schedule the build of bundle " + bundleId, ex);
		}
	}

	/**
	 * Runs the bundle's job once more at that time: a trigger of its own, added while the job's current one fires,
	 * so that the job stays. A bundle whose job is gone (deleted meanwhile) gets none.
	 */
	void retry(long bundleId, int attempt, Instant at) {
		JobKey job = new JobKey(PREFIX + bundleId, GROUP);
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(job.getName() + "-attempt-" + attempt, GROUP)
			.forJob(job)
			.startAt(Date.from(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			if (scheduler.checkExists(job)) {
				scheduler.scheduleJob(trigger);
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot schedule the next attempt of bundle " + bundleId, ex);
		}
	}

	/** The bundles that have a job. */
	Set<Long> scheduled() {
		try {
			return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))
				.stream()
				.map(key -> Long.parseLong(key.getName().substring(PREFIX.length())))
				.collect(Collectors.toSet());
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot list the bundle jobs", ex);
		}
	}

	void unschedule(long bundleId) {
		try {
			scheduler.deleteJob(new JobKey(PREFIX + bundleId, GROUP));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot unschedule the build of bundle " + bundleId, ex);
		}
	}

}

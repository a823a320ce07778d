package org.waveplan.pipeline;

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
 * One Quartz job per airing to render, in the JDBC store: it survives restarts, and with recovery requested a
 * render cut short by a crash or kill -9 runs again when an instance starts. Scheduling joins the caller's
 * transaction, so a render row and its job are stored together or not at all.
 */
@Component
class RenderTriggers {

	private static final String GROUP = "render";

	private static final String OWNER = "airing-";

	private final Scheduler scheduler;

	RenderTriggers(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/** The name of the job that renders the airing; it owns the renders it claims. */
	static String owner(long airingId) {
		return OWNER + airingId;
	}

	/** Runs the airing's job at that time (at once if it is past), replacing what was scheduled. */
	void schedule(long airingId, Instant at) {
		JobDetail job = job(airingId);
		try {
			scheduler.scheduleJob(job, Set.of(trigger(job, at)), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot schedule the render of airing " + airingId, ex);
		}
	}

	/** Runs the airing's job at that time unless it has one already (made meanwhile): answers whether it was made. */
	boolean scheduleIfAbsent(long airingId, Instant at) {
		JobDetail job = job(airingId);
		try {
			scheduler.scheduleJob(job, trigger(job, at));
			return true;
		}
		catch (ObjectAlreadyExistsException made) {
			return false;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot schedule the render of airing " + airingId, ex);
		}
	}

	private static JobDetail job(long airingId) {
		return JobBuilder.newJob(RenderJob.class)
			.withIdentity(owner(airingId), GROUP)
			.usingJobData(RenderJob.AIRING_ID, airingId)
			.requestRecovery()
			.build();
	}

	private static Trigger trigger(JobDetail job, Instant at) {
		return TriggerBuilder.newTrigger()
			.withIdentity(job.getKey().getName(), GROUP)
			.forJob(job)
			.startAt(Date.from(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
	}

	/** The airings whose render has a job. */
	Set<Long> scheduled() {
		try {
			return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))
				.stream()
				.map(key -> Long.parseLong(key.getName().substring(OWNER.length())))
				.collect(Collectors.toSet());
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot list the render jobs", ex);
		}
	}

	void unschedule(long airingId) {
		try {
			scheduler.deleteJob(new JobKey(owner(airingId), GROUP));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot unschedule the render of airing " + airingId, ex);
		}
	}

}

package org.waveplan.shared;

import java.time.Duration;

import org.quartz.JobDetail;
import org.quartz.Trigger;

import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Every minute, one instance of the cluster hands the module events still not handled ten minutes after they were
 * published to their listeners again. An instance killed between a change's commit and its handling leaves its event
 * to the others, not to its own next start, which may never come; a listener that failed is tried again. The
 * registry cannot tell a dead instance's event from one a live instance is still on (a planner run waiting behind a
 * long import), so the wait is well past the longest run; the listeners redo their work from the current state, so
 * one handled twice is harmless.
 */
@Component
class StrandedEvents implements Runnable {

	static final Duration OLDER_THAN = Duration.ofMinutes(10);

	private final IncompleteEventPublications incomplete;

	StrandedEvents(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Override
	public void run() {
		incomplete.resubmitIncompletePublicationsOlderThan(OLDER_THAN);
	}

	// static: the scheduler is made from these beans, before this one
	@Bean
	static JobDetail strandedEventsJob() {
		return EveryMinute.job("stranded-events", "shared", StrandedEvents.class);
	}

	@Bean
	static Trigger strandedEventsTrigger(JobDetail strandedEventsJob) {
		return EveryMinute.trigger(strandedEventsJob);
	}

}

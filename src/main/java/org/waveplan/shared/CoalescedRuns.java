package org.waveplan.shared;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a task that redoes everything from the current state (a planner) for each request, one run at a time,
 * except that a run started after a request was made covers it: a burst of requests costs one run after the one
 * under way, not one each. {@link #request()} returns once a run that started after the call has ended, so a
 * caller that handles a durable event completes it only when its effect is committed.
 */
public final class CoalescedRuns {

	private final Runnable task;

	private final ReentrantLock running = new ReentrantLock();

	private final AtomicLong requested = new AtomicLong();

	// the last request that a finished run had seen before it started; guarded by running
	private long covered;

	public CoalescedRuns(Runnable task) {
		this.task = task;
	}

	/** Runs the task, or waits for a run that started after this call; a failed run covers nothing. */
	public void request() {
		long ticket = requested.incrementAndGet();
		running.lock();
		try {
			if (covered >= ticket) {
				return;
			}
			long seen = requested.get();
			task.run();
			covered = seen;
		}
		finally {
			running.unlock();
		}
	}

}

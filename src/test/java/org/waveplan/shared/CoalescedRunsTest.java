package org.waveplan.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class CoalescedRunsTest {

	private final AtomicInteger runs = new AtomicInteger();

	private final AtomicBoolean overlapped = new AtomicBoolean();

	private final AtomicBoolean inside = new AtomicBoolean();

	@Test
	void aBurstDuringARunCostsOneMoreRunNeverTwoAtOnce() throws Exception {
		CountDownLatch firstMayEnd = new CountDownLatch(1);
		CoalescedRuns planner = new CoalescedRuns(() -> run(firstMayEnd));
		Thread first = start(planner);
		await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
		List<Thread> burst = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			burst.add(start(planner));
		}
		// each has asked and waits for the run under way
		await().atMost(Duration.ofSeconds(10))
			.until(() -> burst.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
		firstMayEnd.countDown();
		first.join(10_000);
		for (Thread t : burst) {
			t.join(10_000);
			assertThat(t.isAlive()).isFalse();
		}
		assertThat(runs.get()).isEqualTo(2);
		assertThat(overlapped).isFalse();
	}

	@Test
	void aFailedRunCoversNothing() {
		AtomicInteger attempts = new AtomicInteger();
		CoalescedRuns planner = new CoalescedRuns(() -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("database gone");
			}
		});
		assertThatThrownBy(planner::request).hasMessage("database gone");
		planner.request();
		assertThat(attempts.get()).isEqualTo(2);
	}

	private void run(CountDownLatch firstMayEnd) {
		if (!inside.compareAndSet(false, true)) {
			overlapped.set(true);
		}
		try {
			if (runs.incrementAndGet() == 1) {
				firstMayEnd.await();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			inside.set(false);
		}
	}

	private static Thread start(CoalescedRuns planner) {
		Thread thread = new Thread(planner::request);
		thread.start();
		return thread;
	}

}

package org.waveplan.shared;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Readiness's storage check answers from the probes' last round, never waiting on a store itself. */
class StorageHealthTest {

	@Test
	void aStoreThatHangsDoesNotHoldTheHealthCheckAndOneThatFailsIsDownWithItsReason() throws Exception {
		CountDownLatch never = new CountDownLatch(1);
		AtomicInteger rounds = new AtomicInteger();
		StorageProbe hanging = probe("bucket slow", () -> {
			if (rounds.incrementAndGet() > 1) {
				never.await();
			}
		});
		StorageHealth slow = health(hanging);
		try {
			await().until(() -> rounds.get() > 1);
			// the probe hangs in the background; the check answers at once with the round before
			Health answer = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> slow.health());
			assertThat(answer.getStatus()).isEqualTo(Status.UP);
			// and once the findings are three rounds old, the store is down
			await().atMost(Duration.ofSeconds(15)).until(() -> slow.health().getStatus().equals(Status.DOWN));
			assertThat(slow.health().getDetails().get("probes").toString()).startsWith("no answer for");
		}
		finally {
			never.countDown();
			slow.stop();
		}

		AtomicInteger calls = new AtomicInteger();
		StorageHealth failing = health(probe("bucket away", () -> {
			if (calls.incrementAndGet() > 1) {
				throw new IllegalStateException("connection refused");
			}
		}));
		try {
			assertThat(failing.health().getStatus()).isEqualTo(Status.UP);
			await().until(() -> failing.health().getStatus().equals(Status.DOWN));
			assertThat(failing.health().getDetails()).containsEntry("bucket away",
					"java.lang.IllegalStateException: connection refused");
		}
		finally {
			failing.stop();
		}
	}

	@FunctionalInterface
	private interface Check {

		void run() throws Exception;

	}

	private static StorageProbe probe(String name, Check check) {
		return new StorageProbe() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public void probe() throws Exception {
				check.run();
			}

		};
	}

	private static StorageHealth health(StorageProbe probe) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("probe", probe);
		return new StorageHealth(beans.getBeanProvider(StorageProbe.class));
	}

}

package org.waveplan.shared;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.waveplan.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL an instance's start waits while another's holds the first-start lock, goes on once it is released,
 * and gives up after its patience, naming the session that holds it.
 */
class FirstStartLockTest {

	@Test
	void aStartWaitsForAnotherAndGivesUpOnAStuckOneNamingItsSession() throws Exception {
		DataSource database = EmbeddedPostgres.dataSource("first-start-lock");
		FirstStartLock starting = new FirstStartLock(database, Duration.ofMinutes(1));
		starting.take();

		FirstStartLock impatient = new FirstStartLock(database, Duration.ofMillis(800));
		assertThatThrownBy(impatient::take).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("held the first-start lock")
			.hasMessageContaining("session pid");

		FirstStartLock next = new FirstStartLock(database, Duration.ofMinutes(1));
		CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
			try {
				next.take();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		Thread.sleep(500);
		assertThat(waiting).isNotDone();
		starting.release();
		waiting.get(10, TimeUnit.SECONDS);
		next.release();
	}

}

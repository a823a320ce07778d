package org.waveplan.shared;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.waveplan.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A module event left unhandled by an instance that died after publishing it is handed to its listener by the
 * minute's sweep on whichever instance runs it; one published minutes ago is left to the instance handling it.
 */
class StrandedEventsTest extends ApiTest {

	@Autowired
	StrandedEvents sweep;

	@Test
	void anEventADeadInstanceLeftIsHandledByTheSweep() {
		UUID stranded = publication(Instant.now().minus(Duration.ofMinutes(30)));
		// one a live instance may still be on
		UUID fresh = publication(Instant.now().minus(Duration.ofMinutes(5)));

		sweep.run();

		// handled by the render planner, and its row deleted as every handled one is
		await().atMost(Duration.ofSeconds(30)).until(() -> !exists(stranded));
		assertThat(exists(fresh)).isTrue();
		jdbc.update("delete from event_publication where id = ?", fresh);
	}

	private UUID publication(Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)"
				+ " values (?, ?, ?, ?, ?)", id, "pipeline.render-planner.airings-changed",
				"org.waveplan.catalog.AiringsChanged", "{\"id\":\"" + UUID.randomUUID() + "\"}", Timestamp.from(at));
		return id;
	}

	private boolean exists(UUID id) {
		return jdbc.queryForObject("select count(*) from event_publication where id = ?", Integer.class, id) == 1;
	}

}

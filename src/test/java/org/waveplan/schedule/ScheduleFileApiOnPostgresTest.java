package org.waveplan.schedule;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.EmbeddedPostgres;

/** The real schedule files and the round trips again, on PostgreSQL. */
class ScheduleFileApiOnPostgresTest extends ScheduleFileApiTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry, "test-data-pg");
	}

}

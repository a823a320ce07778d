package org.waveplan.schedule;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.EmbeddedPostgres;

/** Every slot rule again, on PostgreSQL: Flyway's migrations, the repositories' queries and row locks. */
class SlotApiOnPostgresTest extends SlotApiTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry, "test-data-pg");
	}

}

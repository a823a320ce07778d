package org.waveplan.catalog;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.EmbeddedPostgres;

/** Uploads, queues and the planner again, on PostgreSQL. */
class CatalogApiOnPostgresTest extends CatalogApiTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry, "test-data-pg");
	}

}

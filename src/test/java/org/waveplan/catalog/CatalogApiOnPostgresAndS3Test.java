package org.waveplan.catalog;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.ProductionStack;

/** Uploads, queues and the planner again, on PostgreSQL, with the originals in an S3 bucket. */
class CatalogApiOnPostgresAndS3Test extends CatalogApiTest {

	@DynamicPropertySource
	static void productionStack(DynamicPropertyRegistry registry) {
		ProductionStack.register(registry, "test-data-pg", "catalog");
	}

}

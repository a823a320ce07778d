package org.waveplan.bundles;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.ProductionStack;

/**
 * Bundles again, with their Quartz jobs and rows on PostgreSQL, the episodes read from an S3 bucket (through the
 * local cache), the renditions and the finished ZIPs published to it and served from it.
 */
class BundleApiOnPostgresAndS3Test extends BundleApiTest {

	@DynamicPropertySource
	static void productionStack(DynamicPropertyRegistry registry) {
		ProductionStack.register(registry, "test-data-bundles-pg", "bundles");
	}

}

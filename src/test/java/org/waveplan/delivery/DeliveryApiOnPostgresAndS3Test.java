package org.waveplan.delivery;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.ProductionStack;

/**
 * Delivery again, with tokens, manifest versions (locked per site) and receipts on PostgreSQL, and the sites' files
 * from an S3 bucket.
 */
class DeliveryApiOnPostgresAndS3Test extends DeliveryApiTest {

	@DynamicPropertySource
	static void productionStack(DynamicPropertyRegistry registry) {
		ProductionStack.register(registry, "test-data-delivery-pg", "delivery");
	}

}

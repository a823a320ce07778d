package org.waveplan.delivery;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.EmbeddedPostgres;

/** Delivery again, with tokens, manifest versions (locked per site) and receipts on PostgreSQL. */
class DeliveryApiOnPostgresTest extends DeliveryApiTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry, "test-data-delivery-pg", "delivery");
	}

}

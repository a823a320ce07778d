package org.waveplan.propagation;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.EmbeddedPostgres;

/** The sunspot number table again on PostgreSQL: its migration, month keys in order, numbers to one decimal. */
class SunspotNumberApiOnPostgresTest extends SunspotNumberApiTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry, "test-data-pg");
	}

}

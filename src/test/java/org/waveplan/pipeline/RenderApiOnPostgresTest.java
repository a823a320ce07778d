package org.waveplan.pipeline;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.EmbeddedPostgres;

/** Render jobs again, with Quartz and the claims on PostgreSQL. */
class RenderApiOnPostgresTest extends RenderApiTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry, "test-data-render-pg", "renders");
	}

}

package org.waveplan.pipeline;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waveplan.ProductionStack;

/**
 * Render jobs again, with Quartz and the claims on PostgreSQL, the sources read from an S3 bucket (through the local
 * cache) and the renditions published to it.
 */
class RenderApiOnPostgresAndS3Test extends RenderApiTest {

	@DynamicPropertySource
	static void productionStack(DynamicPropertyRegistry registry) {
		ProductionStack.register(registry, "test-data-render-pg", "renders");
	}

}

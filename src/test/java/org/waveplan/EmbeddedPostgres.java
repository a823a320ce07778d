package org.waveplan;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL for the test run (zonky's embedded binaries; no server installed), so
 * that the end-to-end tests also run on the production database and nothing H2-only creeps in.
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private EmbeddedPostgres() {
	}

	public static synchronized void register(DynamicPropertyRegistry registry, String dataDir) {
		if (server == null) {
			try {
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException e) {
					// the JVM is going away
				}
			}));
		}
		registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("waveplan.data-dir", () -> dataDir);
		// Quartz keys its JVM-wide connection provider by scheduler name: one name per database
		registry.add("spring.quartz.scheduler-name", () -> "waveplan-postgres");
	}

}

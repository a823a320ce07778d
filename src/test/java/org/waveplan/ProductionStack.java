package org.waveplan;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.waveplan.shared.S3Server;

/**
 * What several instances run on: PostgreSQL and an S3 object store (the embedded PostgreSQL and s3proxy, each test
 * class a database and a bucket of its own). The API tests that store files run again on it, subclasses named
 * {@code *OnPostgresAndS3Test}, as those that only touch the database run again on PostgreSQL.
 */
public final class ProductionStack {

	private ProductionStack() {
	}

	public static void register(DynamicPropertyRegistry registry, String dataDir, String database) {
		EmbeddedPostgres.register(registry, dataDir, database);
		S3Server.settings(S3Server.bucket()).forEach((name, value) -> registry.add(name, () -> value));
	}

}

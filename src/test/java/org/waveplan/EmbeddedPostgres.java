package org.waveplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL for the test run (zonky's embedded binaries; no server installed), so
 * that the end-to-end tests also run on the production database and nothing H2-only creeps in.
 */
public final class EmbeddedPostgres {

	/** A test's key-encryption key: on PostgreSQL, as in production, one must be given. */
	public static final String KEY_ENCRYPTION_KEY = "3xneYGZ1v6nxVKHGXgFoOE1eSEO5Js/n7NeQVfRauo0=";

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private EmbeddedPostgres() {
	}

	/** The data directory is {@code dataDir} under the test directory ({@link TestDirs}). */
	public static void register(DynamicPropertyRegistry registry, String dataDir) {
		register(registry, dataDir, "postgres");
	}

	/** A database of its own on the one server, for tests whose contexts must not share Quartz jobs with others. */
	public static synchronized void register(DynamicPropertyRegistry registry, String dataDir, String database) {
		start();
		create(database);
		registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", database));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("waveplan.data-dir", () -> TestDirs.path(dataDir).toString());
		registry.add("waveplan.delivery.key-encryption-key", () -> KEY_ENCRYPTION_KEY);
		// Quartz keys its JVM-wide connection provider by scheduler name: one name per database
		registry.add("spring.quartz.scheduler-name", () -> "waveplan-postgres-" + database);
	}

	private static void start() {
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
	}

	/** A database of its own on the one server, for a test without an application context. */
	public static synchronized DataSource dataSource(String database) {
		start();
		create(database);
		return server.getDatabase("postgres", database);
	}

	private static void create(String database) {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			try (ResultSet found = exists.executeQuery()) {
				if (!found.next()) {
					try (Statement create = connection.createStatement()) {
						create.execute("create database \"" + database + "\"");
					}
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot create the database " + database, e);
		}
	}

}

package org.waveplan.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What a start makes when it finds it missing (the initial admin, the demo's users, program, schedule, profiles and
 * site token) is made once, however many instances start at once on an empty database: every module's application
 * runner runs while its instance holds a PostgreSQL advisory lock, so the next instance's runners start only once
 * the first's have committed, and find everything there. H2 in file mode belongs to one instance (it locks its
 * file), so there is nothing to share.
 */
@Configuration(proxyBeanMethods = false)
class FirstStartLock implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FirstStartLock.class);

	// any number that no other user of the database takes: "Waveplan" in ASCII
	private static final long KEY = 0x57617665706c616eL;

	private final DataSource dataSource;

	private Connection held;

	FirstStartLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Bean
	ApplicationRunner firstStartLockTaken() {
		return new Runner(Ordered.HIGHEST_PRECEDENCE, this::take);
	}

	@Bean
	ApplicationRunner firstStartLockReleased() {
		return new Runner(Ordered.LOWEST_PRECEDENCE, this::release);
	}

	private synchronized void take() throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
				connection.close();
				return;
			}
			// waits for an instance that is starting meanwhile (a session lock: no transaction held open)
			call(connection, "select pg_advisory_lock(?)");
			held = connection;
		}
		catch (SQLException | RuntimeException e) {
			connection.close();
			throw e;
		}
	}

	private synchronized void release() throws SQLException {
		if (held == null) {
			return;
		}
		try (Connection connection = held) {
			held = null;
			// unlocked before the connection goes back to the pool, where its session lives on
			call(connection, "select pg_advisory_unlock(?)");
		}
	}

	/** A start that fails in a runner lets the next instance go on. */
	@Override
	public void destroy() {
		try {
			release();
		}
		catch (SQLException e) {
			log.warn("Cannot release the first-start lock; it goes with its connection", e);
		}
	}

	private static void call(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, KEY);
			statement.execute();
		}
	}

	private interface Step {

		void run() throws SQLException;

	}

	private record Runner(int order, Step step) implements ApplicationRunner, Ordered {

		@Override
		public void run(ApplicationArguments args) throws SQLException {
			step.run();
		}

		@Override
		public int getOrder() {
			return order;
		}

	}

}

package org.waveplan.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
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
 * file), so there is nothing to share. An instance waits at most {@link #PATIENCE} for another's start, saying every
 * few seconds which connection holds the lock, then stops: a start stuck in a runner does not hold the others for ever.
 */
@Configuration(proxyBeanMethods = false)
class FirstStartLock implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FirstStartLock.class);

	// any number that no other user of the database takes: "Waveplan" in ASCII
	private static final long KEY = 0x57617665706c616eL;

	static final Duration PATIENCE = Duration.ofMinutes(2);

	private static final Duration SAY_EVERY = Duration.ofSeconds(10);

	private final DataSource dataSource;

	private final Duration patience;

	private Connection held;

	@Autowired
	FirstStartLock(DataSource dataSource) {
		this(dataSource, PATIENCE);
	}

	FirstStartLock(DataSource dataSource, Duration patience) {
		this.dataSource = dataSource;
		this.patience = patience;
	}

	@Bean
	ApplicationRunner firstStartLockTaken() {
		return new Runner(Ordered.HIGHEST_PRECEDENCE, this::take);
	}

	@Bean
	ApplicationRunner firstStartLockReleased() {
		return new Runner(Ordered.LOWEST_PRECEDENCE, this::release);
	}

	synchronized void take() throws SQLException, InterruptedException {
		Connection connection = dataSource.getConnection();
		try {
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
				connection.close();
				return;
			}
			// a session lock: no transaction held open while another instance starts
			long started = System.nanoTime();
			long said = started;
			while (!tryLock(connection)) {
				long now = System.nanoTime();
				if (now - started > patience.toNanos()) {
					throw new IllegalStateException("another instance has held the first-start lock for over " + patience
							+ " (" + holder(connection) + "): its start may be stuck; stop it, or end that session");
				}
				if (now - said > SAY_EVERY.toNanos()) {
					log.info("Waiting for another instance's start to end ({})", holder(connection));
					said = now;
				}
				Thread.sleep(200);
			}
			held = connection;
		}
		catch (SQLException | InterruptedException | RuntimeException e) {
			connection.close();
			throw e;
		}
	}

	synchronized void release() throws SQLException {
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

	private static boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
			statement.setLong(1, KEY);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/** Who holds the lock, as PostgreSQL knows the session: enough to find the instance or end the session. */
	private static String holder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				select a.pid, a.client_addr, a.application_name, a.backend_start from pg_locks l
				join pg_stat_activity a on a.pid = l.pid
				where l.locktype = 'advisory' and l.granted and l.classid = ? and l.objid = ? and l.objsubid = 1""")) {
			statement.setLong(1, KEY >>> 32);
			statement.setLong(2, KEY & 0xffffffffL);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? "session pid " + result.getInt(1) + " from " + result.getString(2) + " "
						+ result.getString(3) + ", connected at " + result.getString(4) : "its session has just ended";
			}
		}
	}

	private static void call(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, KEY);
			statement.execute();
		}
	}

	private interface Step {

		void run() throws SQLException, InterruptedException;

	}

	private record Runner(int order, Step step) implements ApplicationRunner, Ordered {

		@Override
		public void run(ApplicationArguments args) throws SQLException, InterruptedException {
			step.run();
		}

		@Override
		public int getOrder() {
			return order;
		}

	}

}

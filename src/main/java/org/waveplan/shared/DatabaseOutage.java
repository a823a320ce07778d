package org.waveplan.shared;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.hibernate.TransactionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database cannot be reached: every request that needs it is answered 503
 * {@code urn:waveplan:problem:database-unavailable} with {@code Retry-After}, however far it got (sign-in, a
 * filter, a controller), and nothing else; the connection pool waits only a few seconds for a connection
 * ({@code spring.datasource.hikari.connection-timeout}) and takes the database back by itself when it returns.
 */
public final class DatabaseOutage {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	// a cause chain is short; the bound only guards against a cycle
	private static final int MAX_DEPTH = 20;

	private DatabaseOutage() {
	}

	/** Whether the failure, or one of its causes, is the database being out of reach. */
	public static boolean causes(Throwable failure) {
		Throwable e = failure;
		for (int depth = 0; e != null && depth < MAX_DEPTH; depth++, e = e.getCause()) {
			if (e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException
					|| e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
					|| e instanceof SQLException sql && connectionLost(sql.getSQLState())
					// a request under way when the database went: the pool closed the broken connection, and its
					// rollback fails with no reason from the database (the query's own failure is lost behind it)
					|| e instanceof TransactionException && e.getCause() instanceof SQLException sql
							&& (sql.getSQLState() == null || connectionLost(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	// SQL state class 08: connection exception
	private static boolean connectionLost(String sqlState) {
		return sqlState != null && sqlState.startsWith("08");
	}

	/** Answers the outage from a servlet filter or a security handler. */
	public static void writeTo(HttpServletResponse response, ObjectMapper json) throws IOException {
		problem().writeTo(response, json);
	}

	static ProblemException problem() {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
				"the database cannot be reached just now; try again in " + RETRY_AFTER.toSeconds() + " s (a change"
						+ " whose commit was under way when it went may have been made: look before sending it again)")
			.retryAfter(RETRY_AFTER);
	}

}

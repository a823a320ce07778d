package org.waveplan.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are the database out of reach (503), and which are a request's own (they keep their answer). */
class DatabaseOutageCausesTest {

	@Test
	void aConnectionThatCannotBeHadOrWasLostIsAnOutage() {
		SQLException poolTimedOut = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
		assertThat(DatabaseOutage.causes(new InternalAuthenticationServiceException("lookup",
				new CannotGetJdbcConnectionException("no connection", poolTimedOut)))).isTrue();
		assertThat(DatabaseOutage.causes(new CannotCreateTransactionException("no EntityManager"))).isTrue();
		assertThat(DatabaseOutage.causes(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseOutage.causes(new JpaSystemException(new TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
	}

	@Test
	void whatTheDatabaseRefusedIsNot() {
		assertThat(DatabaseOutage.causes(new DataIntegrityViolationException("duplicate",
				new SQLException("unique violation", "23505")))).isFalse();
		assertThat(DatabaseOutage.causes(new JpaSystemException(new TransactionException(
				"Unable to commit against JDBC Connection", new SQLException("could not serialize", "40001"))))).isFalse();
		assertThat(DatabaseOutage.causes(new IllegalStateException("not the database"))).isFalse();
	}

}

package io.workflowpersistence.worker.api.datasource;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecoveryConflictRetryTests {

	private static final SQLException CANCELLED = new SQLException(
			"ERROR: canceling statement due to conflict with recovery", "40001");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RecoveryConflictRetry retry = new RecoveryConflictRetry(this.registry);

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void aReadCancelledOnceByARecoveryConflictIsRunAgain() {
		assertThat(this.retry.run(failing(1, CANCELLED))).isEqualTo("rows");
		assertThat(this.runs).hasValue(2);
		assertThat(count("retried")).isEqualTo(1);
		assertThat(count("failed")).isZero();
	}

	@Test
	void aReadCancelledTwiceIsARecoveryConflictException() {
		assertThatExceptionOfType(RecoveryConflictException.class)
			.isThrownBy(() -> this.retry.run(failing(2, CANCELLED)));
		assertThat(this.runs).hasValue(2);
		assertThat(count("retried")).isEqualTo(1);
		assertThat(count("failed")).isEqualTo(1);
	}

	@Test
	void aTerminatedSessionAndABufferPinDeadlockAreConflictsToo() {
		assertThat(RecoveryConflictRetry.isRecoveryConflict(
				translated(new SQLException("FATAL: terminating connection due to conflict with recovery", "40001"))))
			.isTrue();
		assertThat(RecoveryConflictRetry.isRecoveryConflict(
				translated(new SQLException("ERROR: canceling statement due to conflict with recovery", "40P01"))))
			.isTrue();
	}

	@Test
	void otherFailuresAreNotRetried() {
		SQLException serialization = new SQLException("ERROR: could not serialize access", "40001");
		SQLException timeout = new SQLException("ERROR: canceling statement due to statement timeout", "57014");
		SQLException dropped = new SQLException("FATAL: terminating connection due to conflict with recovery", "57P04");
		for (SQLException failure : new SQLException[] { serialization, timeout, dropped }) {
			this.runs.set(0);
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.retry.run(failing(1, failure)))
				.isNotInstanceOf(RecoveryConflictException.class);
			assertThat(this.runs).as(failure.getMessage()).hasValue(1);
		}
		assertThat(count("retried")).isZero();
	}

	private Supplier<String> failing(int times, SQLException failure) {
		return () -> {
			if (this.runs.incrementAndGet() <= times) {
				throw translated(failure);
			}
			return "rows";
		};
	}

	// As JdbcTemplate throws it.
	private static DataAccessException translated(SQLException failure) {
		DataAccessException translated = new SQLStateSQLExceptionTranslator().translate("query", "SELECT 1", failure);
		return (translated != null) ? translated : new UncategorizedSQLException("query", "SELECT 1", failure);
	}

	private double count(String outcome) {
		return this.registry.get("workflow.api.recovery.conflicts").tag("outcome", outcome).counter().count();
	}

}

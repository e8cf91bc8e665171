package io.workflowpersistence.worker.api.datasource;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs a read again once when a hot standby cancelled it for a recovery conflict, and
 * throws {@link RecoveryConflictException} when the second run is cancelled too.
 * PostgreSQL reports such a conflict as "canceling statement due to conflict with
 * recovery" (or, for a session idle in a transaction, "terminating connection ...") with
 * SQLSTATE 40001, or 40P01 for a buffer-pin deadlock with the startup process; the same
 * message with 57P04 (the database was dropped) is not worth a retry.
 */
@Component
public class RecoveryConflictRetry {

	private static final Logger logger = LoggerFactory.getLogger(RecoveryConflictRetry.class);

	private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");

	private final Counter retried;

	private final Counter failed;

	RecoveryConflictRetry(MeterRegistry registry) {
		this.retried = counter(registry, "retried");
		this.failed = counter(registry, "failed");
	}

	/**
	 * Runs the read, once more after a recovery conflict.
	 * @param <T> what the read returns
	 * @param read the read, safe to run twice
	 * @return what the read returned
	 * @throws RecoveryConflictException when both runs were cancelled by a conflict
	 */
	public <T> T run(Supplier<T> read) {
		try {
			return read.get();
		}
		catch (DataAccessException ex) {
			if (!isRecoveryConflict(ex)) {
				throw ex;
			}
			this.retried.increment();
			logger.debug("Retrying a read cancelled by a recovery conflict: {}", ex.getMostSpecificCause().toString());
		}
		try {
			return read.get();
		}
		catch (DataAccessException ex) {
			if (!isRecoveryConflict(ex)) {
				throw ex;
			}
			this.failed.increment();
			throw new RecoveryConflictException("A read was cancelled twice by a recovery conflict of the standby", ex);
		}
	}

	static boolean isRecoveryConflict(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && RETRYABLE_STATES.contains(sql.getSQLState())
					&& sql.getMessage() != null && sql.getMessage().contains("conflict with recovery")) {
				return true;
			}
		}
		return false;
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("workflow.api.recovery.conflicts")
			.description("API reads cancelled by a recovery conflict of the standby: retried once, or failed again")
			.tag("outcome", outcome)
			.register(registry);
	}

}

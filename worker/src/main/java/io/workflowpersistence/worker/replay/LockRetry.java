package io.workflowpersistence.worker.replay;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Runs a transaction that takes exclusive table locks again when it gave up waiting for
 * them or was chosen as a deadlock's victim: it waits at most a short lock timeout, so
 * that the live worker and the read API, queued behind its lock requests, are held up
 * briefly, and tries again.
 */
final class LockRetry {

	static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '2s'";

	private static final Logger logger = LoggerFactory.getLogger(LockRetry.class);

	// lock_not_available, deadlock_detected
	private static final Set<String> RETRIED = Set.of("55P03", "40P01");

	private static final int ATTEMPTS = 15;

	private static final Duration PAUSE = Duration.ofMillis(500);

	private LockRetry() {
	}

	static <T> T run(String what, Supplier<T> transaction) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.get();
			}
			catch (DataAccessException ex) {
				if (attempt >= ATTEMPTS || !RETRIED.contains(sqlState(ex))) {
					throw ex;
				}
				logger.warn("{}: could not take the locks ({}), trying again", what,
						ex.getMostSpecificCause().getMessage());
				pause();
			}
		}
	}

	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private static void pause() {
		try {
			Thread.sleep(PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to take the locks again", ex);
		}
	}

}

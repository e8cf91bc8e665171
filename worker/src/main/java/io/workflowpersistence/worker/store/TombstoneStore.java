package io.workflowpersistence.worker.store;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tombstones that deletes leave (docs/contract.md, rule 3), kept for a retention
 * period.
 */
@Repository
public class TombstoneStore {

	private static final String PURGE = """
			DELETE FROM Tombstones WHERE DeletedAt < now() - make_interval(secs => ?)
			""";

	private final JdbcTemplate jdbc;

	TombstoneStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Removes the tombstones older than the retention and returns how many.
	 */
	public int purgeOlderThan(Duration retention) {
		return this.jdbc.update(PURGE, (double) retention.toSeconds());
	}

}

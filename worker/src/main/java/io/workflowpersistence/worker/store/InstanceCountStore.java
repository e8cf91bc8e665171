package io.workflowpersistence.worker.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The instance counts by definition, status and sub-status that triggers on
 * {@code WorkflowInstances} keep in {@code InstanceCountDeltas}, one row per change
 * (migration V12). Compacting sums each group's rows into one, so that reading a count
 * stays a read of a few rows per group.
 */
@Repository
public class InstanceCountStore {

	// Only groups of more than one row, or summing to zero, are rewritten: an idle table
	// costs a read and no write. Safe beside concurrent writers at READ COMMITTED: the
	// DELETE removes only rows its snapshot sees, so each change is summed exactly once,
	// and rows added meanwhile stay for the next compaction. One compaction at a time per
	// table (two deleting the same rows in different orders could deadlock); the lock key
	// is the table's oid, so a schema rebuilt beside the live one is compacted apart.
	private static final String COMPACT = """
			WITH alone AS (
			    SELECT pg_try_advisory_xact_lock('InstanceCountDeltas'::regclass::oid::bigint) AS locked
			),
			scattered AS (
			    SELECT DefinitionId, Status, SubStatus
			    FROM InstanceCountDeltas, alone
			    WHERE alone.locked
			    GROUP BY DefinitionId, Status, SubStatus
			    HAVING count(*) > 1 OR sum(Delta) = 0
			),
			removed AS (
			    DELETE FROM InstanceCountDeltas d
			    USING scattered s
			    WHERE d.DefinitionId = s.DefinitionId AND d.Status = s.Status
			      AND d.SubStatus IS NOT DISTINCT FROM s.SubStatus
			    RETURNING d.DefinitionId, d.Status, d.SubStatus, d.Delta
			)
			INSERT INTO InstanceCountDeltas (DefinitionId, Status, SubStatus, Delta)
			SELECT DefinitionId, Status, SubStatus, sum(Delta)
			FROM removed
			GROUP BY DefinitionId, Status, SubStatus
			HAVING sum(Delta) <> 0
			""";

	private final JdbcTemplate jdbc;

	InstanceCountStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sums the rows of each group into one row, dropping groups that sum to zero.
	 * @return how many summed rows were written
	 */
	public int compact() {
		return this.jdbc.update(COMPACT);
	}

}

package io.workflowpersistence.worker.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of retention: finished instances read in the order they finished, a
 * chunk of them removed with their children and recorded as removed, and old removal
 * records purged.
 */
@Repository
class RetentionStore {

	// Served by idx_workflowinstances_finishedat_id (FinishedAt, Id); running instances
	// (FinishedAt NULL) never match.
	private static final String FINISHED_AFTER = """
			SELECT Id, DefinitionId, Status, FinishedAt FROM WorkflowInstances
			WHERE FinishedAt < :before
			  AND (FinishedAt, Id) > (:afterFinishedAt, :afterId)
			ORDER BY FinishedAt, Id
			LIMIT :limit
			""";

	// Each row is checked again once locked: one that an event changed since it was read
	// (another status, a later FinishedAt) stays for the next sweep. Locked in Id order,
	// as every writer locks instances.
	private static final String REMOVE_INSTANCES = """
			WITH chosen AS (
			    SELECT * FROM unnest(:ids::varchar[], :definitions::varchar[], :statuses::varchar[],
			        :cutoffs::text[]::timestamptz[]) AS v(Id, DefinitionId, Status, Cutoff)
			),
			removed AS (
			    DELETE FROM WorkflowInstances stored
			    WHERE stored.Id IN (
			        SELECT s.Id FROM WorkflowInstances s JOIN chosen v ON v.Id = s.Id
			        WHERE s.DefinitionId = v.DefinitionId AND s.Status = v.Status AND s.FinishedAt < v.Cutoff
			        ORDER BY s.Id
			        FOR UPDATE OF s)
			    RETURNING stored.Id, stored.FinishedAt
			),
			recorded AS (
			    INSERT INTO RemovedInstances (Id, FinishedAt)
			    SELECT Id, FinishedAt FROM removed ORDER BY Id
			    ON CONFLICT (Id) DO NOTHING
			)
			SELECT Id FROM removed
			""";

	private static final String REMOVE_CHILDREN = """
			DELETE FROM %1$s child
			WHERE child.Id IN (
			    SELECT c.Id FROM %1$s c
			    WHERE c.WorkflowInstanceId = ANY(:ids::varchar[])
			    ORDER BY c.Id
			    FOR UPDATE OF c)
			RETURNING child.WorkflowInstanceId
			""";

	private static final String COUNT_CHILDREN = """
			SELECT count(*) FROM %s WHERE WorkflowInstanceId = ANY(:ids::varchar[])
			""";

	// A concurrent batch may have written one of the removed instances again: its
	// check of the removal record ran before the record was committed.
	private static final String REMOVE_REWRITTEN = """
			DELETE FROM WorkflowInstances i
			WHERE i.Id IN (
			    SELECT s.Id FROM WorkflowInstances s JOIN RemovedInstances r ON r.Id = s.Id
			    WHERE s.Id = ANY(:ids::varchar[])
			    ORDER BY s.Id
			    FOR UPDATE OF s)
			""";

	private static final String PURGE_REMOVAL_RECORDS = """
			DELETE FROM RemovedInstances
			WHERE Id IN (
			    SELECT Id FROM RemovedInstances
			    WHERE RemovedAt < now() - make_interval(secs => :seconds)
			    ORDER BY RemovedAt
			    LIMIT :limit)
			""";

	static final List<String> CHILD_TABLES = List.of("ActivityExecutionRecords", "Bookmarks");

	private final JdbcClient jdbc;

	RetentionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next finished instances in the order they finished, after the given one.
	 */
	List<Finished> finishedAfter(Instant before, Finished after, int limit) {
		return this.jdbc.sql(FINISHED_AFTER)
			.param("before", before.atOffset(ZoneOffset.UTC))
			.param("afterFinishedAt", after.finishedAt().atOffset(ZoneOffset.UTC))
			.param("afterId", after.id())
			.param("limit", limit)
			.query((row, number) -> new Finished(row.getString(1), row.getString(2), row.getString(3),
					row.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Deletes the instances that are still finished before their cutoff, records them as
	 * removed and returns their ids. To be called in the transaction that also removes
	 * their children.
	 */
	List<String> removeInstances(List<Expired> expired) {
		return this.jdbc.sql(REMOVE_INSTANCES)
			.param("ids", expired.stream().map((each) -> each.instance().id()).toArray(String[]::new))
			.param("definitions", expired.stream().map((each) -> each.instance().definitionId()).toArray(String[]::new))
			.param("statuses", expired.stream().map((each) -> each.instance().status()).toArray(String[]::new))
			.param("cutoffs", expired.stream().map((each) -> each.cutoff().toString()).toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/**
	 * Deletes the rows of a child table that belong to the instances and returns, for
	 * each row deleted, its instance's id.
	 */
	List<String> removeChildren(String table, List<String> instanceIds) {
		return this.jdbc.sql(REMOVE_CHILDREN.formatted(table))
			.param("ids", instanceIds.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	long countChildren(String table, List<String> instanceIds) {
		return this.jdbc.sql(COUNT_CHILDREN.formatted(table))
			.param("ids", instanceIds.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	/**
	 * Deletes the removed instances among the given ones that a concurrent batch wrote
	 * again.
	 */
	int removeRewritten(List<String> instanceIds) {
		return this.jdbc.sql(REMOVE_REWRITTEN).param("ids", instanceIds.toArray(String[]::new)).update();
	}

	/**
	 * Deletes up to {@code limit} removal records older than the given age.
	 */
	int purgeRemovalRecords(Duration olderThan, int limit) {
		return this.jdbc.sql(PURGE_REMOVAL_RECORDS)
			.param("seconds", (double) olderThan.toSeconds())
			.param("limit", limit)
			.update();
	}

	/**
	 * A finished instance as a sweep reads it.
	 *
	 * @param id the instance id
	 * @param definitionId its definition
	 * @param status its status
	 * @param finishedAt when it finished
	 */
	record Finished(String id, String definitionId, String status, Instant finishedAt) {

		/**
		 * Before every finished instance.
		 */
		static Finished first() {
			return new Finished("", null, null, Instant.parse("1900-01-01T00:00:00Z"));
		}

	}

	/**
	 * A finished instance past its time-to-live, and the rule that expired it.
	 *
	 * @param instance the instance
	 * @param rule the time-to-live that applies to it
	 * @param cutoff the instant before which it must have finished to be removed
	 */
	record Expired(Finished instance, RetentionPolicy.Rule rule, Instant cutoff) {
	}

}

package io.workflowpersistence.worker.store;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.workflowpersistence.events.Entity;
import io.workflowpersistence.events.EntityType;

/**
 * How one family of entities maps onto its table, and the statements derived from that
 * mapping. Every statement binds whole columns as arrays, so one statement writes a whole
 * batch, and decides newer-wins in SQL through {@code is_newer}, so a stale or replayed
 * event can never overwrite newer data, even when two workers race. Longer than most
 * classes: the text blocks of its statements are most of it.
 *
 * @param table the table name
 * @param type the family, as recorded in {@code Tombstones.EntityType}
 * @param entityClass the record the table stores
 * @param idSqlType the type of the {@code Id} column
 * @param columns every column but the ordering key, {@code Id} first
 * @param guard an extra condition on the incoming row {@code v} (empty for none)
 * @param cascades the child rows deleted with an entity of this family
 * @param <E> the entity type
 */
record EntityTable<E extends Entity>(String table, EntityType type, Class<E> entityClass, String idSqlType,
		List<Column<E>> columns, String guard, List<Cascade> cascades) {

	// "OFFSET 0" keeps a NOT EXISTS a lookup in the index for each incoming row: as a
	// join, the planner may scan every tombstone of the family instead, and does so on
	// a table whose statistics lag behind its growth (a first run, a rebuild, any hour
	// with many deletes). Each written row says, by the same kind of lookup, whether it
	// revived a deleted entity, whose tombstone the store then deletes by its key: a
	// DELETE given the ids of the batch was planned, on such statistics, as a scan of
	// every tombstone of the family, in every batch.
	private static final String UPSERT = """
			WITH incoming AS (
			    SELECT * FROM unnest(%1$s)
			        AS v(%2$s, EventVersion, EventTime)
			),
			written AS (
			    INSERT INTO %3$s AS stored (%2$s, EventVersion, EventTime)
			    SELECT * FROM incoming v
			    WHERE NOT EXISTS (
			        SELECT 1 FROM Tombstones d
			        WHERE d.EntityType = '%4$s' AND d.Id = v.Id::text
			          AND NOT is_newer(d.EventVersion, d.EventTime, v.EventVersion, v.EventTime)
			        OFFSET 0)
			    %5$s
			    ORDER BY %7$s
			    ON CONFLICT (Id) DO UPDATE
			    SET %6$s, EventVersion = EXCLUDED.EventVersion, EventTime = EXCLUDED.EventTime, IngestedAt = now()
			    WHERE is_newer(stored.EventVersion, stored.EventTime, EXCLUDED.EventVersion, EXCLUDED.EventTime)
			    RETURNING stored.Id
			)
			SELECT w.Id::text, EXISTS (
			        SELECT 1 FROM Tombstones d
			        WHERE d.EntityType = '%4$s' AND d.Id = w.Id::text
			        OFFSET 0) AS Revived
			FROM written w
			""";

	private static final String FORGET_TOMBSTONE = "DELETE FROM Tombstones WHERE EntityType = '%s' AND Id = ?";

	// A delete removes the row only if it is newer than the row, and leaves a tombstone
	// only where no row at least as new remains: a tombstone exists exactly while the
	// entity is deleted, whatever order the events arrived in.
	private static final String DELETE = """
			WITH incoming AS (
			    SELECT * FROM unnest(?::%1$s[], ?::bigint[], ?::timestamptz[]) AS v(Id, EventVersion, EventTime)
			),
			removed AS (
			    DELETE FROM %2$s stored USING incoming v
			    WHERE stored.Id = v.Id
			      AND is_newer(stored.EventVersion, stored.EventTime, v.EventVersion, v.EventTime)
			)
			INSERT INTO Tombstones AS d (EntityType, Id, EventVersion, EventTime)
			SELECT '%3$s', v.Id::text, v.EventVersion, v.EventTime FROM incoming v
			WHERE NOT EXISTS (
			    SELECT 1 FROM %2$s stored
			    WHERE stored.Id = v.Id
			      AND NOT is_newer(stored.EventVersion, stored.EventTime, v.EventVersion, v.EventTime))
			ON CONFLICT (EntityType, Id) DO UPDATE
			SET EventVersion = EXCLUDED.EventVersion, EventTime = EXCLUDED.EventTime, DeletedAt = now()
			WHERE is_newer(d.EventVersion, d.EventTime, EXCLUDED.EventVersion, EXCLUDED.EventTime)
			RETURNING d.Id
			""";

	// Rows are locked in Id order, the order the upserts write them in: a cascade or
	// sweep and a concurrent batch writing the same children never wait on each other in
	// a cycle.
	private static final String CASCADE = """
			DELETE FROM %1$s child
			WHERE child.Id IN (
			    SELECT c.Id FROM %1$s c
			    WHERE %4$s
			    ORDER BY c.Id
			    FOR UPDATE OF c)
			""";

	// The ids of a batch that are deleted, each looked up in the tombstones' key
	// (and, for instances, in the removal records of retention); the resulting
	// array is small and served by the index on the parent column.
	private static final String PARENT_IN_BATCH = """
			c.%1$s = ANY(ARRAY(
			        SELECT batch.Id FROM unnest(?::varchar[]) AS batch(Id)
			        WHERE %2$s))""";

	private static final String TOMBSTONE_OF = """
			EXISTS (
			            SELECT 1 FROM Tombstones d
			            WHERE d.EntityType = '%1$s' AND d.Id = %2$s
			            OFFSET 0)""";

	private static final String REMOVAL_RECORD_OF = """
			EXISTS (
			            SELECT 1 FROM RemovedInstances r
			            WHERE r.Id = %1$s
			            OFFSET 0)""";

	// Without OFFSET 0: a sweep of every child is best a semi-join on the parent table.
	private static final String PARENT_DELETED = """
			EXISTS (
			        SELECT 1 FROM Tombstones d
			        WHERE d.EntityType = '%1$s' AND d.Id = c.%2$s)""";

	// Only removals of the last week: the race it repairs is as old as a crash between a
	// commit and its sweep; every older record would be probed each time for nothing.
	private static final String PARENT_REMOVED = """
			EXISTS (
			        SELECT 1 FROM RemovedInstances r
			        WHERE r.Id = c.%1$s AND r.RemovedAt > now() - interval '7 days')""";

	String upsertSql() {
		String parameters = this.columns.stream()
			.map((column) -> "?::" + column.sqlType() + "[]")
			.collect(Collectors.joining(", ")) + ", ?::bigint[], ?::timestamptz[]";
		String names = this.columns.stream().map(Column::name).collect(Collectors.joining(", "));
		String updates = this.columns.stream()
			.skip(1)
			.map((column) -> column.name() + " = EXCLUDED." + column.name())
			.collect(Collectors.joining(", "));
		return UPSERT.formatted(parameters, names, this.table, this.type.prefix(), this.guard, updates, idOrder());
	}

	// Text ids are stored in the "C" collation (migration V18), and the incoming
	// ones carry the database's: the sort names "C", so rows are written, and
	// locked, in the order of the column's index, which the cascades and sweeps
	// lock them in too.
	private String idOrder() {
		return "varchar".equals(this.idSqlType) ? "v.Id COLLATE \"C\"" : "v.Id";
	}

	/**
	 * The statement deleting the tombstone of one entity of this family, its id bound as
	 * text.
	 */
	String forgetTombstoneSql() {
		return FORGET_TOMBSTONE.formatted(this.type.prefix());
	}

	String deleteSql() {
		return DELETE.formatted(this.idSqlType, this.table, this.type.prefix());
	}

	/**
	 * The statements deleting the child rows of the deleted entities among the ids bound
	 * as one {@code varchar[]}: deleted by an event, or, for instances, removed by
	 * retention.
	 */
	List<String> cascadeSqls() {
		return this.cascades.stream()
			.map((cascade) -> cascadeSql(cascade,
					PARENT_IN_BATCH.formatted(cascade.parentColumn(), String.join(" OR ", goneChecks("batch.Id")))))
			.toList();
	}

	/**
	 * The statements deleting the child rows of every deleted entity of this family, and
	 * of every instance removed by retention.
	 */
	List<String> sweepSqls() {
		List<String> sweeps = new ArrayList<>();
		for (Cascade cascade : this.cascades) {
			sweeps.add(cascadeSql(cascade, PARENT_DELETED.formatted(this.type.prefix(), cascade.parentColumn())));
			if (removedByRetention()) {
				sweeps.add(cascadeSql(cascade, PARENT_REMOVED.formatted(cascade.parentColumn())));
			}
		}
		return sweeps;
	}

	private String cascadeSql(Cascade cascade, String parentGone) {
		return CASCADE.formatted(cascade.table(), cascade.parentColumn(), this.type.prefix(), parentGone);
	}

	private List<String> goneChecks(String id) {
		List<String> checks = new ArrayList<>();
		checks.add(TOMBSTONE_OF.formatted(this.type.prefix(), id));
		if (removedByRetention()) {
			checks.add(REMOVAL_RECORD_OF.formatted(id));
		}
		return checks;
	}

	// Retention removes instances only (RemovedInstances, migration V17).
	private boolean removedByRetention() {
		return this.type == EntityType.WORKFLOW_INSTANCE;
	}

	/**
	 * Rows of another table that belong to an entity of this family and go with it.
	 */
	record Cascade(String table, String parentColumn) {
	}

}

package io.workflowpersistence.worker.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.workflowpersistence.events.Entity;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.WorkflowDefinition;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.events.WorkflowInstance;
import io.workflowpersistence.worker.store.SqlArrays.TypedArray;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes events to their tables: one statement per table and operation for a whole batch,
 * newest wins in SQL (docs/contract.md, rules 1 to 5). Callers pass at most one event per
 * entity (besides older upserts of finished instances, which only retention looks at),
 * run it inside their transaction and, once it has committed, sweep the instances it
 * touched with {@link OrphanSweep}. Longer than most classes: the upserts, deletes,
 * cascades and retention's removals of one batch share its statements and their order.
 */
public class EntityStore {

	// Built once: the statements of a table never change, and the driver's statement
	// cache keeps each prepared on the server.
	private static final Map<EntityTable<?>, String> UPSERTS = statements(EntityTable::upsertSql);

	private static final Map<EntityTable<?>, String> FORGET_TOMBSTONES = statements(EntityTable::forgetTombstoneSql);

	private static final Map<EntityTable<?>, String> DELETES = statements(EntityTable::deleteSql);

	private static final Map<EntityTable<?>, List<String>> CASCADES = statements(EntityTable::cascadeSqls);

	// Retention (V17): the instances an expired upsert names are recorded as removed and
	// deleted, in Id order as every writer locks them; their children go with them
	// through the instance cascades.
	private static final String EXPIRE = """
			WITH incoming AS (
			    SELECT * FROM unnest(?::varchar[], ?::timestamptz[]) AS v(Id, FinishedAt)
			),
			recorded AS (
			    INSERT INTO RemovedInstances AS r (Id, FinishedAt)
			    SELECT v.Id, v.FinishedAt FROM incoming v
			    ORDER BY v.Id COLLATE "C"
			    ON CONFLICT (Id) DO NOTHING
			    RETURNING r.Id
			),
			removed AS (
			    DELETE FROM WorkflowInstances stored
			    WHERE stored.Id IN (
			        SELECT s.Id FROM WorkflowInstances s
			        WHERE s.Id = ANY(ARRAY(SELECT v.Id FROM incoming v))
			        ORDER BY s.Id
			        FOR UPDATE OF s)
			    RETURNING stored.Id
			)
			SELECT Id FROM recorded UNION SELECT Id FROM removed
			""";

	private static final String TRUNCATE_ALL = "TRUNCATE " + String.join(", ", SchemaStores.eventTables());

	private final JdbcTemplate jdbc;

	private final TagStore tags;

	private final InstanceExpiry expiry;

	EntityStore(JdbcTemplate jdbc, TagStore tags) {
		this(jdbc, tags, InstanceExpiry.NEVER);
	}

	EntityStore(JdbcTemplate jdbc, TagStore tags, InstanceExpiry expiry) {
		this.jdbc = jdbc;
		this.tags = tags;
		this.expiry = expiry;
	}

	/**
	 * Applies the events and counts, per family, the events that changed the database.
	 * Upserts go first and deletes after them, so that deleting an instance also removes
	 * the activity records and bookmarks of the same batch. An upsert of an instance past
	 * its time-to-live is applied as its removal, before the children are written.
	 */
	public Map<EntityType, Integer> applyAll(List<WorkflowEvent> events) {
		Map<EntityType, Integer> applied = new EnumMap<>(EntityType.class);
		// Decided once per event: the clock moves between two checks.
		Map<String, WorkflowEvent> expiredById = new LinkedHashMap<>();
		events.stream().filter(this::isExpired).forEach((event) -> expiredById.putIfAbsent(event.entityId(), event));
		List<WorkflowEvent> expired = List.copyOf(expiredById.values());
		List<WorkflowEvent> kept = newestInstanceUpserts(events).stream()
			.filter((event) -> !(isInstanceUpsert(event) && expiredById.containsKey(event.entityId())))
			.toList();
		for (EntityTable<?> table : EntityTables.ALL) {
			List<WorkflowEvent> upserts = select(kept, table, false);
			if (!upserts.isEmpty()) {
				applied.merge(table.type(), upsert(table, upserts), Integer::sum);
			}
			// Before the children: those of the same batch then meet the removal record.
			if (table == EntityTables.INSTANCES && !expired.isEmpty()) {
				applied.merge(table.type(), expire(expired), Integer::sum);
			}
		}
		for (EntityTable<?> table : EntityTables.ALL) {
			List<WorkflowEvent> deletes = select(events, table, true);
			if (!deletes.isEmpty()) {
				applied.merge(table.type(), delete(table, deletes), Integer::sum);
			}
		}
		return applied;
	}

	private boolean isExpired(WorkflowEvent event) {
		return isInstanceUpsert(event) && this.expiry.isExpired((WorkflowInstance) event.entity());
	}

	private static boolean isInstanceUpsert(WorkflowEvent event) {
		return !event.isDelete() && event.entity() instanceof WorkflowInstance;
	}

	// A batch may carry older upserts of an instance besides its newest event (an upsert
	// or a delete), for retention only: only the newest is applied.
	private static List<WorkflowEvent> newestInstanceUpserts(List<WorkflowEvent> events) {
		Map<String, WorkflowEvent> newest = new HashMap<>();
		for (WorkflowEvent event : events) {
			if (event.entityType() == EntityType.WORKFLOW_INSTANCE) {
				newest.merge(event.entityId(), event, (kept,
						candidate) -> candidate.orderingKey().isNewerThan(kept.orderingKey()) ? candidate : kept);
			}
		}
		return events.stream()
			.filter((event) -> !isInstanceUpsert(event) || newest.get(event.entityId()) == event)
			.toList();
	}

	private int expire(List<WorkflowEvent> events) {
		List<WorkflowInstance> instances = events.stream().map((event) -> (WorkflowInstance) event.entity()).toList();
		List<TypedArray> columns = List.of(
				new TypedArray("varchar", instances.stream().map(WorkflowInstance::id).toArray()),
				new TypedArray("timestamptz", instances.stream().map(WorkflowInstance::finishedAt).toArray()));
		List<String> changed = this.jdbc.query((connection) -> SqlArrays.bind(connection, EXPIRE, columns),
				(row, number) -> row.getString(1));
		List<TypedArray> ids = List.of(columns.get(0));
		for (String cascade : CASCADES.get(EntityTables.INSTANCES)) {
			this.jdbc.update((connection) -> SqlArrays.bind(connection, cascade, ids));
		}
		return changed.size();
	}

	/**
	 * Empties every table events are written to, tombstones included, but not the
	 * positions: what a rebuild in place does before reading the topics again.
	 */
	public void truncateAll() {
		this.jdbc.execute(TRUNCATE_ALL);
	}

	private <E extends Entity> int upsert(EntityTable<E> table, List<WorkflowEvent> events) {
		List<TypedArray> columns = new ArrayList<>();
		for (Column<E> column : table.columns()) {
			columns.add(new TypedArray(column.sqlType(),
					events.stream()
						.map((event) -> column.value().apply(table.entityClass().cast(event.entity())))
						.toArray()));
		}
		columns.addAll(orderingKeys(events));
		List<String> written = new ArrayList<>();
		List<Object[]> revived = new ArrayList<>();
		this.jdbc.query((connection) -> SqlArrays.bind(connection, UPSERTS.get(table), columns), (row) -> {
			written.add(row.getString(1));
			if (row.getBoolean(2)) {
				revived.add(new Object[] { row.getString(1) });
			}
		});
		if (!revived.isEmpty()) {
			this.jdbc.batchUpdate(FORGET_TOMBSTONES.get(table), revived);
		}
		if (table == EntityTables.DEFINITIONS) {
			this.tags.replaceAll(definitionsWritten(events, written));
		}
		return written.size();
	}

	private int delete(EntityTable<?> table, List<WorkflowEvent> events) {
		List<TypedArray> columns = new ArrayList<>();
		columns.add(new TypedArray("varchar", events.stream().map(WorkflowEvent::entityId).toArray()));
		columns.addAll(orderingKeys(events));
		List<String> deleted = this.jdbc.query((connection) -> SqlArrays.bind(connection, DELETES.get(table), columns),
				(row, number) -> row.getString(1));
		if (!deleted.isEmpty()) {
			List<TypedArray> ids = List.of(new TypedArray("varchar", deleted.toArray()));
			for (String cascade : CASCADES.get(table)) {
				this.jdbc.update((connection) -> SqlArrays.bind(connection, cascade, ids));
			}
		}
		return deleted.size();
	}

	private static List<TypedArray> orderingKeys(List<WorkflowEvent> events) {
		return List.of(
				new TypedArray("bigint", events.stream().map((event) -> event.orderingKey().version()).toArray()),
				new TypedArray("timestamptz", events.stream().map((event) -> event.orderingKey().time()).toArray()));
	}

	private static List<WorkflowEvent> select(List<WorkflowEvent> events, EntityTable<?> table, boolean deletes) {
		return events.stream()
			.filter((event) -> event.entityType() == table.type() && event.isDelete() == deletes)
			.toList();
	}

	private static <T> Map<EntityTable<?>, T> statements(Function<EntityTable<?>, T> statement) {
		Map<EntityTable<?>, T> statements = new IdentityHashMap<>();
		EntityTables.ALL.forEach((table) -> statements.put(table, statement.apply(table)));
		return statements;
	}

	private static List<WorkflowDefinition> definitionsWritten(List<WorkflowEvent> events, List<String> written) {
		Set<String> ids = new HashSet<>(written);
		return events.stream()
			.map((event) -> (WorkflowDefinition) event.entity())
			.filter((definition) -> ids.contains(definition.id()))
			.toList();
	}

}

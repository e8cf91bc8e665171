package io.workflowpersistence.worker.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stores of live ingestion built on a connection of their own rather than the
 * application's, so that a rebuild writes another schema (the one first on that
 * connection's search path) with exactly the statements live ingestion uses.
 *
 * @param entities writes events to their tables
 * @param offsets records the position of the topics the schema reflects
 * @param orphans removes children of deleted instances written by a concurrent batch
 */
public record SchemaStores(EntityStore entities, OffsetStore offsets, OrphanSweep orphans) {

	/**
	 * The stores writing through the given template.
	 * @param jdbc the template of the schema to write
	 * @return the stores
	 */
	public static SchemaStores on(JdbcTemplate jdbc) {
		return on(jdbc, InstanceExpiry.NEVER);
	}

	/**
	 * The stores writing through the given template, removing instances past their
	 * time-to-live as live ingestion does.
	 * @param jdbc the template of the schema to write
	 * @param expiry which instance upserts retention applies as removals
	 * @return the stores
	 */
	public static SchemaStores on(JdbcTemplate jdbc, InstanceExpiry expiry) {
		return new SchemaStores(new EntityStore(jdbc, new TagStore(jdbc), expiry), new OffsetStore(jdbc),
				new OrphanSweep(jdbc));
	}

	/**
	 * Every table events are written to, tombstones included, but not the positions: what
	 * a rebuild in place empties before reading the topics again.
	 * @return the table names, parents first
	 */
	public static List<String> eventTables() {
		Set<String> tables = new LinkedHashSet<>();
		for (EntityTable<?> table : EntityTables.ALL) {
			tables.add(table.table());
			table.cascades().forEach((cascade) -> tables.add(cascade.table()));
		}
		tables.add("Tombstones");
		tables.add("RemovedInstances");
		return List.copyOf(tables);
	}

}

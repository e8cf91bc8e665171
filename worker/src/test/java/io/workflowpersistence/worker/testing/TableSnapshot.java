package io.workflowpersistence.worker.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every table the worker writes, ordering keys included, for comparing two
 * databases row for row. Only the times at which the worker wrote (IngestedAt, DeletedAt)
 * are left out: they differ between any two runs.
 */
public final class TableSnapshot {

	private static final Map<String, String> TABLES = Map.of("WorkflowDefinitions", "Id", "WorkflowInstances", "Id",
			"ActivityExecutionRecords", "Id", "Bookmarks", "Id", "Triggers", "Id", "WorkflowCategories", "Id",
			"WorkflowTags", "Id", "CustomActivityDefinitions", "Id", "Tombstones", "EntityType, Id");

	private static final Set<String> WRITE_TIMES = Set.of("ingestedat", "deletedat");

	private TableSnapshot() {
	}

	public static Map<String, List<Map<String, Object>>> of(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
		TABLES.forEach((table, key) -> snapshot.put(table,
				jdbc.sql("SELECT * FROM " + table + " ORDER BY " + key)
					.query()
					.listOfRows()
					.stream()
					.map(TableSnapshot::withoutWriteTimes)
					.toList()));
		return snapshot;
	}

	private static Map<String, Object> withoutWriteTimes(Map<String, Object> row) {
		Map<String, Object> kept = new LinkedHashMap<>(row);
		kept.keySet().removeAll(WRITE_TIMES);
		return kept;
	}

}

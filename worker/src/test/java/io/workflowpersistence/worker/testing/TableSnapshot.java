package io.workflowpersistence.worker.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every table the worker writes, ordering keys included, and the instance
 * counts its triggers keep, for comparing two databases row for row. Only the times at
 * which the worker wrote (IngestedAt, DeletedAt) are left out: they differ between any
 * two runs.
 */
public final class TableSnapshot {

	private static final Map<String, String> TABLES = Map.of("WorkflowDefinitions", "Id", "WorkflowInstances", "Id",
			"ActivityExecutionRecords", "Id", "Bookmarks", "Id", "Triggers", "Id", "WorkflowCategories", "Id",
			"WorkflowTags", "Id", "CustomActivityDefinitions", "Id", "Tombstones", "EntityType, Id");

	private static final Set<String> WRITE_TIMES = Set.of("ingestedat", "deletedat");

	// The counts the triggers keep, whatever rows compaction has summed so far.
	private static final String KEPT_INSTANCE_COUNTS = """
			SELECT DefinitionId, Status, SubStatus, sum(Delta)::bigint AS Count
			FROM InstanceCountDeltas
			GROUP BY DefinitionId, Status, SubStatus
			HAVING sum(Delta) <> 0
			ORDER BY DefinitionId, Status, SubStatus""";

	private static final String COUNTED_INSTANCES = """
			SELECT DefinitionId, Status, SubStatus, count(*) AS Count
			FROM WorkflowInstances
			GROUP BY DefinitionId, Status, SubStatus
			ORDER BY DefinitionId, Status, SubStatus""";

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
		snapshot.put("InstanceCountDeltas", jdbc.sql(KEPT_INSTANCE_COUNTS).query().listOfRows());
		return snapshot;
	}

	/**
	 * The instances counted by definition, status and sub-status, as the kept counts of a
	 * snapshot should be.
	 * @param dataSource the database
	 * @return the counts, as rows of the snapshot's {@code InstanceCountDeltas}
	 */
	public static List<Map<String, Object>> countedInstances(DataSource dataSource) {
		return JdbcClient.create(dataSource).sql(COUNTED_INSTANCES).query().listOfRows();
	}

	private static Map<String, Object> withoutWriteTimes(Map<String, Object> row) {
		Map<String, Object> kept = new LinkedHashMap<>(row);
		kept.keySet().removeAll(WRITE_TIMES);
		return kept;
	}

}

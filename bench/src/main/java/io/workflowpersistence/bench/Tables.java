package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * The tables the worker writes, and their row counts.
 */
final class Tables {

	/**
	 * Every table that ingestion fills from the events, in the migrations' names.
	 */
	static final List<String> ALL = List.of("WorkflowCategories", "CustomActivityDefinitions", "WorkflowDefinitions",
			"WorkflowTags", "Triggers", "WorkflowInstances", "ActivityExecutionRecords", "Bookmarks", "Tombstones");

	private static final String POSITIONS = """
			SELECT coalesce(sum(NextOffset), 0) FROM ConsumerOffsets WHERE GroupId = ?
			""";

	private Tables() {
	}

	/**
	 * The rows of each table.
	 */
	static Map<String, Long> count(DatabaseInfo database) {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Connection connection = Databases.connect(database); Statement statement = connection.createStatement()) {
			for (String table : ALL) {
				try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
					result.next();
					counts.put(table, result.getLong(1));
				}
			}
			return counts;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot count the rows of " + database, ex);
		}
	}

	static long total(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * The records the database reflects for a consumer group: the sum of its positions,
	 * which equals the records applied when every partition starts at offset 0.
	 */
	static ProgressSampler.Progress positions(Connection connection, String group) {
		return () -> {
			try (PreparedStatement statement = connection.prepareStatement(POSITIONS)) {
				statement.setString(1, group);
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
		};
	}

}

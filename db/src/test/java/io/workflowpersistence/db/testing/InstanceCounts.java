package io.workflowpersistence.db.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * The instance counts that the triggers of migration V12 keep in
 * {@code InstanceCountDeltas}, and the same counted from {@code WorkflowInstances}, each
 * by {@code "definition/status/sub-status"} ({@code -} for no sub-status), for tests to
 * compare.
 */
public final class InstanceCounts {

	private static final String KEPT = """
			SELECT DefinitionId || '/' || Status || '/' || coalesce(SubStatus, '-') AS grp, sum(Delta) AS n
			FROM InstanceCountDeltas
			GROUP BY DefinitionId, Status, SubStatus
			HAVING sum(Delta) <> 0""";

	private static final String COUNTED = """
			SELECT DefinitionId || '/' || Status || '/' || coalesce(SubStatus, '-') AS grp, count(*) AS n
			FROM WorkflowInstances
			GROUP BY DefinitionId, Status, SubStatus""";

	private InstanceCounts() {
	}

	/**
	 * The counts the triggers keep, whatever rows compaction has summed so far.
	 */
	public static Map<String, Long> kept(DataSource dataSource) {
		return counts(dataSource, KEPT);
	}

	/**
	 * The instances counted row by row.
	 */
	public static Map<String, Long> counted(DataSource dataSource) {
		return counts(dataSource, COUNTED);
	}

	/**
	 * The rows of {@code InstanceCountDeltas}, before or after compaction.
	 */
	public static long deltaRows(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM InstanceCountDeltas")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Long> counts(DataSource dataSource, String sql) {
		Map<String, Long> counts = new TreeMap<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				counts.put(rows.getString("grp"), rows.getLong("n"));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return counts;
	}

}

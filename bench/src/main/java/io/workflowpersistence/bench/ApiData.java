package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * The read API's data, written with SQL {@code generate_series} straight into a migrated
 * database: instances of 50 definitions (70% finished, of which a seventh faulted; the
 * rest running, most suspended; status and definition independent of each other), a fixed
 * number of activity records each, a bookmark for each suspended instance, triggers and
 * definitions. The secondary indexes are dropped while loading and created again
 * afterwards, then the tables are vacuumed and analysed.
 */
final class ApiData {

	static final int DEFINITIONS = 50;

	static final int HASHES = 1000;

	/** Instances are created two seconds apart from this time on. */
	static final String EPOCH = "2026-01-01T00:00:00Z";

	private static final int CHUNK = 50_000;

	private static final String INSTANCES = """
			INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersionId, Version, Status, SubStatus,
			    CorrelationId, Name, Data, CreatedAt, UpdatedAt, FinishedAt, EventVersion, EventTime)
			SELECT 'inst-' || lpad(i::text, 9, '0'), 'def-' || lpad((i %% 50)::text, 2, '0'),
			    'def-' || lpad((i %% 50)::text, 2, '0') || '-v1', 1,
			    CASE WHEN (i / 50) %% 10 < 7 THEN 'Finished' ELSE 'Running' END,
			    CASE WHEN (i / 50) %% 10 < 6 THEN 'Finished' WHEN (i / 50) %% 10 = 6 THEN 'Faulted'
			         WHEN (i / 50) %% 10 < 9 THEN 'Suspended' ELSE 'Executing' END,
			    'order-' || (i %% 200000), 'Invoice approval ' || lpad(i::text, 9, '0'),
			    jsonb_build_object('amount', i %% 5000, 'priority', 'normal', 'customer', 'c-' || (i %% 9973)),
			    timestamptz '%1$s' + i * interval '2 seconds',
			    timestamptz '%1$s' + i * interval '2 seconds' + (i %% 600) * interval '1 second',
			    CASE WHEN (i / 50) %% 10 < 7 THEN timestamptz '%1$s' + i * interval '2 seconds' + (i %% 600) * interval '1 second' END,
			    5, timestamptz '%1$s' + i * interval '2 seconds' + (i %% 600) * interval '1 second'
			FROM generate_series(?, ?) AS i
			"""
		.formatted(EPOCH);

	private static final String ACTIVITIES = """
			INSERT INTO ActivityExecutionRecords (Id, WorkflowInstanceId, ActivityId, ActivityNodeId, ActivityName,
			    ActivityType, Status, Data, Exception, StartedAt, CompletedAt, EventVersion, EventTime)
			SELECT 'inst-' || lpad(i::text, 9, '0') || '-a' || a, 'inst-' || lpad(i::text, 9, '0'), 'step' || a,
			    'Workflow1:step' || a, 'Step ' || a,
			    CASE a %% 3 WHEN 0 THEN 'Elsa.WriteLine' WHEN 1 THEN 'Elsa.SendHttpRequest' ELSE 'Elsa.SetVariable' END,
			    CASE WHEN (i / 50) %% 10 = 6 AND a = ? THEN 'Faulted' ELSE 'Completed' END,
			    jsonb_build_object('output', 'ok', 'step', a),
			    CASE WHEN (i / 50) %% 10 = 6 AND a = ? THEN 'System.TimeoutException: The operation has timed out.' END,
			    timestamptz '%1$s' + i * interval '2 seconds' + a * interval '10 milliseconds',
			    timestamptz '%1$s' + i * interval '2 seconds' + a * interval '10 milliseconds' + interval '5 milliseconds',
			    2, timestamptz '%1$s' + i * interval '2 seconds' + a * interval '10 milliseconds'
			FROM generate_series(?, ?) AS i, generate_series(1, ?) AS a
			"""
		.formatted(EPOCH);

	private static final String BOOKMARKS = """
			INSERT INTO Bookmarks (Id, WorkflowInstanceId, ActivityId, ActivityNodeId, Name, Hash, Data, CreatedAt,
			    EventVersion, EventTime)
			SELECT 'inst-' || lpad(i::text, 9, '0') || '-b', 'inst-' || lpad(i::text, 9, '0'), 'approve',
			    'Workflow1:approve', 'Elsa.UserTask', 'hash-' || (i %% %2$d), '{"assignee":"jane"}'::jsonb,
			    timestamptz '%1$s' + i * interval '2 seconds', 1, timestamptz '%1$s' + i * interval '2 seconds'
			FROM generate_series(?, ?) AS i WHERE (i / 50) %% 10 IN (7, 8)
			""".formatted(EPOCH, HASHES);

	private static final String CATALOG = """
			INSERT INTO WorkflowDefinitions (Id, DefinitionId, Name, DisplayName, Version, IsLatest, IsPublished, Data,
			    CreatedAt, UpdatedAt, EventVersion, EventTime)
			SELECT 'def-' || lpad(d::text, 2, '0') || '-v1', 'def-' || lpad(d::text, 2, '0'), 'workflow-' || d,
			    'Workflow ' || d, 1, true, true, '{"root":{}}'::jsonb, timestamptz '%1$s', timestamptz '%1$s', 1,
			    timestamptz '%1$s'
			FROM generate_series(0, 49) AS d;
			INSERT INTO WorkflowTags (Id, WorkflowDefinitionId, Tag, CreatedAt)
			SELECT gen_random_uuid(), 'def-' || lpad(d::text, 2, '0') || '-v1', 'team-' || (d %% 5), timestamptz '%1$s'
			FROM generate_series(0, 49) AS d;
			INSERT INTO Triggers (Id, WorkflowDefinitionId, WorkflowDefinitionVersionId, ActivityId, Name, Hash, Data,
			    EventVersion, EventTime)
			SELECT 'trigger-' || t, 'def-' || lpad((t %% 50)::text, 2, '0'), 'def-' || lpad((t %% 50)::text, 2, '0') || '-v1',
			    'start', 'Elsa.HttpEndpoint', 'hash-' || t, '{"path":"/orders"}'::jsonb, 1, timestamptz '%1$s'
			FROM generate_series(0, 199) AS t
			"""
		.formatted(EPOCH);

	private static final String SECONDARY_INDEXES = """
			SELECT indexname, indexdef FROM pg_indexes
			WHERE schemaname = current_schema() AND tablename IN ('workflowinstances', 'activityexecutionrecords', 'bookmarks')
			  AND indexname NOT LIKE '%_pkey'
			""";

	private ApiData() {
	}

	/**
	 * Fills the database; reports progress through {@code log}.
	 */
	static void load(DatabaseInfo database, int instances, int activitiesPerInstance, Consumer<String> log)
			throws SQLException {
		try (Connection connection = Databases.connect(database); Statement statement = connection.createStatement()) {
			statement.execute("SET maintenance_work_mem = '512MB'");
			Map<String, String> indexes = new LinkedHashMap<>();
			try (ResultSet rows = statement.executeQuery(SECONDARY_INDEXES)) {
				while (rows.next()) {
					indexes.put(rows.getString(1), rows.getString(2));
				}
			}
			for (String index : indexes.keySet()) {
				statement.execute("DROP INDEX " + index);
			}
			statement.execute(CATALOG);
			for (int from = 1; from <= instances; from += CHUNK) {
				int to = Math.min(instances, from + CHUNK - 1);
				insert(connection, INSTANCES, from, to);
				insert(connection, BOOKMARKS, from, to);
				insertActivities(connection, from, to, activitiesPerInstance);
				log.accept("loaded instances up to " + to + " of " + instances);
			}
			for (String index : indexes.values()) {
				log.accept(index);
				statement.execute(index);
			}
			statement.execute("VACUUM (ANALYZE)");
		}
	}

	private static void insert(Connection connection, String sql, int from, int to) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, from);
			statement.setInt(2, to);
			statement.executeUpdate();
		}
	}

	private static void insertActivities(Connection connection, int from, int to, int perInstance) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(ACTIVITIES)) {
			statement.setInt(1, perInstance);
			statement.setInt(2, perInstance);
			statement.setInt(3, from);
			statement.setInt(4, to);
			statement.setInt(5, perInstance);
			statement.executeUpdate();
		}
	}

}

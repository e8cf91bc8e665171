package io.workflowpersistence.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.InstanceCounts;
import io.workflowpersistence.db.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance counts of migration V12: they start from the instances already there when
 * it runs, and its triggers follow every kind of statement that changes instances.
 */
class InstanceCountsIntegrationTests {

	private static final String UPSERT = """
			INSERT INTO WorkflowInstances AS stored (Id, DefinitionId, Status, SubStatus, EventVersion)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (Id) DO UPDATE
			SET DefinitionId = EXCLUDED.DefinitionId, Status = EXCLUDED.Status, SubStatus = EXCLUDED.SubStatus,
			    EventVersion = EXCLUDED.EventVersion
			WHERE is_newer(stored.EventVersion, stored.EventTime, EXCLUDED.EventVersion, EXCLUDED.EventTime)
			""";

	@Test
	void countsStartFromTheInstancesAlreadyThere() throws SQLException {
		DatabaseInfo database = TestDatabase.server().createDatabase("instance_counts_start");
		flyway(database, "11").migrate();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("""
					INSERT INTO WorkflowInstances (Id, DefinitionId, Status, SubStatus)
					SELECT 'i-' || n, 'def-' || (n % 3), CASE WHEN n % 4 = 0 THEN 'Finished' ELSE 'Running' END,
					       CASE WHEN n % 5 = 0 THEN NULL ELSE 'Sub' || (n % 2) END
					FROM generate_series(1, 500) n""");

			flyway(database, "latest").migrate();

			assertThat(InstanceCounts.kept(database.dataSource()))
				.isEqualTo(InstanceCounts.counted(database.dataSource()))
				.hasSize(15);
		}
	}

	@Test
	void triggersFollowUpsertsUpdatesDeletesAndTruncate() throws SQLException {
		DatabaseInfo database = TestDatabase.server().migratedDatabase("instance_counts_triggers");
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			upsert(connection, "i-1", "Running", null, 1);
			upsert(connection, "i-2", "Running", "Suspended", 1);
			upsert(connection, "i-1", "Finished", null, 2);
			upsert(connection, "i-2", "Faulted", null, 1);
			assertThat(InstanceCounts.kept(database.dataSource()))
				.isEqualTo(InstanceCounts.counted(database.dataSource()))
				.isEqualTo(Map.of("def-a/Finished/-", 1L, "def-a/Running/Suspended", 1L));

			long rows = InstanceCounts.deltaRows(database.dataSource());
			statement.executeUpdate("UPDATE WorkflowInstances SET Name = 'renamed'");
			assertThat(InstanceCounts.deltaRows(database.dataSource()))
				.as("an update that keeps every status adds no row")
				.isEqualTo(rows);

			statement.executeUpdate("UPDATE WorkflowInstances SET DefinitionId = 'def-b' WHERE Id = 'i-2'");
			statement.executeUpdate("DELETE FROM WorkflowInstances WHERE Id = 'i-1'");
			assertThat(InstanceCounts.kept(database.dataSource()))
				.isEqualTo(InstanceCounts.counted(database.dataSource()))
				.isEqualTo(Map.of("def-b/Running/Suspended", 1L));

			statement.execute("TRUNCATE WorkflowInstances");
			assertThat(InstanceCounts.deltaRows(database.dataSource())).isZero();
		}
	}

	private static void upsert(Connection connection, String id, String status, String subStatus, long version)
			throws SQLException {
		try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
			upsert.setString(1, id);
			upsert.setString(2, "def-a");
			upsert.setString(3, status);
			upsert.setString(4, subStatus);
			upsert.setLong(5, version);
			upsert.executeUpdate();
		}
	}

	private static Flyway flyway(DatabaseInfo database, String target) {
		return Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.locations("classpath:db/migration")
			.target(target)
			.load();
	}

}

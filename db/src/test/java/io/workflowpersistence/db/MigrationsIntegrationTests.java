package io.workflowpersistence.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations are forward-only and safe to run again, and every test run gets an empty
 * database of its own instead of cleaning a shared one.
 */
class MigrationsIntegrationTests {

	private static final String SCHEMA = """
			SELECT table_name || '.' || column_name || ' ' || data_type
			FROM information_schema.columns
			WHERE table_schema = current_schema()
			ORDER BY table_name, column_name
			""";

	@Test
	void migratingAgainAppliesNothingAndChangesNothing() throws SQLException {
		DatabaseInfo database = TestDatabase.server().migratedDatabase("migrate_twice");
		Flyway flyway = flyway(database);
		List<String> schemaBefore = schema(database);

		MigrateResult again = flyway.migrate();

		assertThat(again.success).isTrue();
		assertThat(again.migrationsExecuted).isZero();
		assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(flyway.info().applied()).allMatch((migration) -> migration.getState() == MigrationState.SUCCESS);
		assertThat(schema(database)).isEqualTo(schemaBefore);
	}

	@Test
	void everyCreatedDatabaseStartsEmptyWithoutClean() throws SQLException {
		TestDatabase server = TestDatabase.server();
		DatabaseInfo first = server.createDatabase("fresh");
		DatabaseInfo second = server.createDatabase("fresh");
		Flyway flyway = flyway(first);

		MigrateResult result = flyway.migrate();

		assertThat(first.name()).isNotEqualTo(second.name()).startsWith("fresh_").matches("[a-z][a-z0-9_]*");
		assertThat(flyway.getConfiguration().isCleanDisabled()).isTrue();
		assertThat(result.migrationsExecuted).isEqualTo(flyway.info().applied().length).isGreaterThanOrEqualTo(2);
		assertThat(schema(first)).isNotEmpty();
		assertThat(schema(second)).isEmpty();
	}

	@Test
	void instanceNamesKeepAHistogramFineEnoughToTellRarePatternsFromCommonOnes() throws SQLException {
		DatabaseInfo database = TestDatabase.server().migratedDatabase("name_statistics");
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet target = statement.executeQuery("""
						SELECT attstattarget FROM pg_attribute
						WHERE attrelid = 'workflowinstances'::regclass AND attname = 'name'""")) {
			assertThat(target.next()).isTrue();
			assertThat(target.getInt(1)).isEqualTo(1000);
		}
	}

	@Test
	void databaseNamesAreValidIdentifiersWhateverThePrefix() {
		DatabaseInfo database = TestDatabase.server()
			.createDatabase("9 Odd-Prefix.Of.A.Rather.Long.Test.Class.Name.Indeed");

		assertThat(database.name()).matches("[a-z][a-z0-9_]{0,62}").contains("odd_prefix");
		assertThat(database.jdbcUrl()).contains("/" + database.name());
	}

	private static Flyway flyway(DatabaseInfo database) {
		return Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.locations("classpath:db/migration")
			.load();
	}

	private static List<String> schema(DatabaseInfo database) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(SCHEMA)) {
			while (rows.next()) {
				columns.add(rows.getString(1));
			}
		}
		return columns;
	}

}

package io.workflowpersistence.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The users of the "Database users" section of this module's README, set up with its SQL
 * as written there, which is compose's init script quoted in full: the owner migrates,
 * the worker only reads and writes rows, the reader only reads.
 */
class LeastPrivilegeIntegrationTests {

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private static final Pattern FIRST_SQL_BLOCK = Pattern.compile("## Database users.*?```sql\\n(.*?)```",
			Pattern.DOTALL);

	private static final String UPSERT_INSTANCE = """
			INSERT INTO WorkflowInstances (Id, DefinitionId, Status, EventVersion)
			VALUES ('instance-1', 'definition-1', '%s', %d)
			ON CONFLICT (Id) DO UPDATE SET Status = EXCLUDED.Status, EventVersion = EXCLUDED.EventVersion
			WHERE is_newer(WorkflowInstances.EventVersion, WorkflowInstances.EventTime,
			               EXCLUDED.EventVersion, EXCLUDED.EventTime)
			""";

	private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

	// The one source of the README's block: compose's PostgreSQL runs it on its first
	// start.
	private static final Path INIT_SCRIPT = MODULE.getParent().resolve("docker/postgres/init-database.sql");

	private static DatabaseInfo database;

	private static User owner;

	private static User worker;

	private static User reader;

	private static MigrateResult migration;

	@BeforeAll
	static void createUsersAndMigrateAsOwner() throws Exception {
		database = TestDatabase.server().createDatabase("least_privilege");
		owner = new User(database.name() + "_owner", UUID.randomUUID().toString());
		worker = new User(database.name() + "_worker", UUID.randomUUID().toString());
		reader = new User(database.name() + "_reader", UUID.randomUUID().toString());
		try (Connection admin = database.dataSource().getConnection(); Statement statement = admin.createStatement()) {
			for (String sql : readmeStatements()) {
				statement.execute(sql);
			}
		}
		migration = Flyway.configure()
			.dataSource(database.jdbcUrl(), owner.name(), owner.password())
			.locations("classpath:db/migration")
			.load()
			.migrate();
	}

	@AfterAll
	static void dropUsers() throws SQLException {
		if (owner == null) {
			return;
		}
		try (Connection admin = database.dataSource().getConnection(); Statement statement = admin.createStatement()) {
			for (User user : List.of(owner, worker, reader)) {
				if (exists(statement, user)) {
					// Roles belong to the whole server: leave nothing that would keep
					// them.
					statement.execute("DROP OWNED BY " + user.name());
					statement.execute("DROP USER " + user.name());
				}
			}
		}
	}

	@Test
	void readmeQuotesTheInitScriptOfComposeInFull() throws IOException {
		assertThat(readmeBlock()).isEqualTo(Files.readString(INIT_SCRIPT));
	}

	@Test
	void extensionsTheMigrationsNeedAreCreatedBeforeThemByTheSuperuser() throws SQLException {
		try (Connection connection = owner.connect(); Statement statement = connection.createStatement()) {
			assertThat(single(statement,
					"SELECT string_agg(extname || ':' || pg_get_userbyid(extowner), ',' "
							+ "ORDER BY extname) FROM pg_extension WHERE extname <> 'plpgsql'"))
				.isEqualTo("pg_stat_statements:%1$s,pg_trgm:%1$s", database.username());
		}
	}

	@Test
	void ownerRunsTheMigrationsAndOwnsEveryTable() throws SQLException {
		assertThat(migration.success).isTrue();
		assertThat(migration.migrationsExecuted).isGreaterThanOrEqualTo(2);
		try (Connection connection = owner.connect();
				Statement statement = connection.createStatement();
				ResultSet owners = statement
					.executeQuery("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")) {
			assertThat(owners.next()).isTrue();
			assertThat(owners.getString(1)).isEqualTo(owner.name());
			assertThat(owners.next()).isFalse();
		}
	}

	@Test
	void workerWritesReadsAndDeletesRows() throws SQLException {
		try (Connection connection = worker.connect(); Statement statement = connection.createStatement()) {
			assertThat(statement.executeUpdate(UPSERT_INSTANCE.formatted("Running", 1))).isOne();
			assertThat(statement.executeUpdate(UPSERT_INSTANCE.formatted("Completed", 2))).isOne();
			assertThat(statement.executeUpdate(UPSERT_INSTANCE.formatted("Running", 1))).isZero();
			assertThat(statement.executeUpdate("UPDATE WorkflowInstances SET SubStatus = 'Done'")).isOne();
			assertThat(single(statement, "SELECT Status || '/' || SubStatus FROM WorkflowInstances"))
				.isEqualTo("Completed/Done");
			assertThat(single(statement, "SELECT is_newer(1, NULL, 2, NULL)")).isEqualTo("t");
			assertThat(statement.executeUpdate("DELETE FROM WorkflowInstances")).isOne();
		}
	}

	@Test
	void workerCanSelectFromEveryTable() throws SQLException {
		try (Connection connection = worker.connect(); Statement statement = connection.createStatement()) {
			for (String table : publicTables(statement)) {
				statement.executeQuery("SELECT count(*) FROM " + table).close();
			}
		}
	}

	@Test
	void workerCannotChangeTheSchema() throws SQLException {
		try (Connection connection = worker.connect(); Statement statement = connection.createStatement()) {
			assertPermissionDenied(statement, "CREATE TABLE Intruders (Id int)");
			assertPermissionDenied(statement, "DROP TABLE WorkflowInstances");
			assertPermissionDenied(statement, "ALTER TABLE WorkflowInstances ADD COLUMN Intruder int");
			assertPermissionDenied(statement, "TRUNCATE WorkflowInstances");
			assertPermissionDenied(statement, "CREATE TEMPORARY TABLE Intruders (Id int)");
		}
	}

	@Test
	void readerCanSelectButNotWrite() throws SQLException {
		try (Connection connection = reader.connect(); Statement statement = connection.createStatement()) {
			assertThat(single(statement, "SELECT count(*) FROM WorkflowInstances")).isNotNull();
			assertThat(single(statement, "SELECT count(*) FROM InstanceCountDeltas")).isNotNull();
			assertPermissionDenied(statement,
					"INSERT INTO WorkflowInstances (Id, DefinitionId, Status) VALUES ('i', 'd', 'Running')");
			assertPermissionDenied(statement, "UPDATE WorkflowInstances SET Status = 'Faulted'");
			assertPermissionDenied(statement, "DELETE FROM WorkflowInstances");
			assertPermissionDenied(statement, "CREATE TABLE Intruders (Id int)");
		}
	}

	@Test
	void workerCanRunFlywayOnceTheSchemaIsUpToDate() {
		MigrateResult result = Flyway.configure()
			.dataSource(database.jdbcUrl(), worker.name(), worker.password())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		assertThat(result.success).isTrue();
		assertThat(result.migrationsExecuted).isZero();
	}

	private static String readmeBlock() throws IOException {
		String readme = Files.readString(MODULE.resolve("README.md"));
		Matcher block = FIRST_SQL_BLOCK.matcher(readme);
		assertThat(block.find()).as("README.md has a sql block under \"## Database users\"").isTrue();
		return block.group(1);
	}

	/** The statements of the README, with its user and database names made unique. */
	private static List<String> readmeStatements() throws IOException {
		String sql = readmeBlock().replace("'change-me-owner'", "'" + owner.password() + "'")
			.replace("'change-me-worker'", "'" + worker.password() + "'")
			.replace("'change-me-reader'", "'" + reader.password() + "'")
			.replaceAll("\\bworkflow_owner\\b", owner.name())
			.replaceAll("\\bworkflow_worker\\b", worker.name())
			.replaceAll("\\bworkflow_reader\\b", reader.name())
			.replaceAll("\\bworkflow_persistence\\b", database.name());
		return Arrays.stream(sql.split(";")).map(String::strip).filter((statement) -> !statement.isEmpty()).toList();
	}

	private static void assertPermissionDenied(Statement statement, String sql) {
		assertThatExceptionOfType(SQLException.class).as(sql)
			.isThrownBy(() -> statement.execute(sql))
			.satisfies((ex) -> assertThat(ex.getSQLState()).as(sql).isEqualTo(INSUFFICIENT_PRIVILEGE));
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

	private static List<String> publicTables(Statement statement) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet result = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
			while (result.next()) {
				tables.add(result.getString(1));
			}
		}
		assertThat(tables).contains("workflowinstances", "tombstones", "consumeroffsets");
		return tables;
	}

	private static boolean exists(Statement statement, User user) throws SQLException {
		return single(statement, "SELECT count(*) FROM pg_roles WHERE rolname = '" + user.name() + "'").equals("1");
	}

	private record User(String name, String password) {

		Connection connect() throws SQLException {
			return DriverManager.getConnection(database.jdbcUrl(), this.name, this.password);
		}

	}

}

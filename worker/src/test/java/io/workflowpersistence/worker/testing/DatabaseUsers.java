package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.flywaydb.core.Flyway;

/**
 * A database set up as {@code db/README.md} says, with its SQL: the schema's owner, who
 * ran the migrations, the worker's user, who may only read and write rows, and a
 * read-only user, each with a name and password of its own.
 *
 * @param admin the database as the superuser that created it
 * @param owner the schema's owner
 * @param worker the DML-only user
 * @param reader the read-only user
 */
public record DatabaseUsers(DatabaseInfo admin, DatabaseInfo owner, DatabaseInfo worker, DatabaseInfo reader) {

	private static final Pattern FIRST_SQL_BLOCK = Pattern.compile("## Database users.*?```sql\\n(.*?)```",
			Pattern.DOTALL);

	/**
	 * A new database of the test server with the three users, migrated by its owner. The
	 * users are dropped when the JVM exits.
	 * @param prefix the start of the database's name
	 * @return the users
	 */
	public static DatabaseUsers create(String prefix) {
		TestDatabase server = TestDatabase.server();
		DatabaseUsers users = install(server.createDatabase(prefix), true);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> users.drop(server.adminJdbcUrl(), server.username(), server.password()),
					"database-users-cleanup"));
		return users;
	}

	/**
	 * Creates the three users in an empty database, as its superuser.
	 * @param database the database, as a superuser
	 * @param migrate whether to apply the migrations as the owner, or leave that to the
	 * worker's Flyway
	 * @return the users
	 */
	public static DatabaseUsers install(DatabaseInfo database, boolean migrate) {
		DatabaseUsers users = new DatabaseUsers(database, user(database, "owner"), user(database, "worker"),
				user(database, "reader"));
		try (Connection admin = database.dataSource().getConnection(); Statement statement = admin.createStatement()) {
			for (String sql : users.readmeStatements(database.name())) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the users of db/README.md in " + database, ex);
		}
		if (migrate) {
			Flyway.configure()
				.dataSource(database.jdbcUrl(), users.owner().username(), users.owner().password())
				.locations("classpath:db/migration")
				.load()
				.migrate();
		}
		return users;
	}

	private static DatabaseInfo user(DatabaseInfo database, String role) {
		return new DatabaseInfo(database.jdbcUrl(), database.name() + "_" + role, UUID.randomUUID().toString(),
				database.name());
	}

	private List<String> readmeStatements(String databaseName) {
		Path readme = Path.of(System.getProperty("basedir", "."), "..", "db", "README.md");
		try {
			Matcher block = FIRST_SQL_BLOCK.matcher(Files.readString(readme));
			if (!block.find()) {
				throw new IllegalStateException(readme + " has no sql block under \"## Database users\"");
			}
			String sql = block.group(1)
				.replace("'change-me-owner'", "'" + this.owner.password() + "'")
				.replace("'change-me-worker'", "'" + this.worker.password() + "'")
				.replace("'change-me-reader'", "'" + this.reader.password() + "'")
				.replaceAll("\\bworkflow_owner\\b", this.owner.username())
				.replaceAll("\\bworkflow_worker\\b", this.worker.username())
				.replaceAll("\\bworkflow_reader\\b", this.reader.username())
				.replaceAll("\\bworkflow_persistence\\b", databaseName);
			return Arrays.stream(sql.split(";"))
				.map(String::strip)
				.filter((statement) -> !statement.isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Roles belong to the whole server; the database they own objects in may be dropped
	// at the same time by TestDatabase, so dropping a role is tried until it is free.
	private void drop(String adminJdbcUrl, String username, String password) {
		String roles = String.join(", ", this.owner.username(), this.worker.username(), this.reader.username());
		try (Connection connection = DriverManager.getConnection(this.owner.jdbcUrl(), username, password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP OWNED BY " + roles);
		}
		catch (SQLException ex) {
			// The database is gone already, and what the roles owned with it.
		}
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptionsInstanceOf(SQLException.class)
				.until(() -> {
					try (Connection connection = DriverManager.getConnection(adminJdbcUrl, username, password);
							Statement statement = connection.createStatement()) {
						statement.execute("DROP ROLE IF EXISTS " + roles);
						return true;
					}
				});
		}
		catch (ConditionTimeoutException ex) {
			// Still in use: the roles stay behind, under names no other run uses.
		}
	}

}

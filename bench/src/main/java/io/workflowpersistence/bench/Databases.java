package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;

/**
 * Fresh databases on the PostgreSQL server the tests use ({@code TEST_DATABASE_URL}, else
 * the local server on 127.0.0.1:5432, else an embedded one): every measurement gets one
 * of its own.
 */
final class Databases {

	private Databases() {
	}

	/**
	 * An empty database, for a worker that migrates it on start.
	 */
	static DatabaseInfo empty(String prefix) {
		return TestDatabase.server().createDatabase(prefix);
	}

	/**
	 * A database with the project's migrations applied: the tables and indexes the worker
	 * writes.
	 */
	static DatabaseInfo migrated(String prefix) {
		return TestDatabase.server().migratedDatabase(prefix);
	}

	static Connection connect(DatabaseInfo database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", database.username());
		if (database.password() != null) {
			properties.setProperty("password", database.password());
		}
		return DriverManager.getConnection(database.jdbcUrl(), properties);
	}

	/**
	 * Drops the database, closing the connections still open to it.
	 */
	static void drop(DatabaseInfo database) {
		TestDatabase server = TestDatabase.server();
		Properties properties = new Properties();
		properties.setProperty("user", server.username());
		if (server.password() != null) {
			properties.setProperty("password", server.password());
		}
		try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(), properties);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop the database " + database.name(), ex);
		}
	}

	/**
	 * The server's version, e.g. {@code PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on …}.
	 */
	static String serverVersion(DatabaseInfo database) {
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT version()")) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

}

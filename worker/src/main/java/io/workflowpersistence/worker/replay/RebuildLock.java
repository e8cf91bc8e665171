package io.workflowpersistence.worker.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The lock that lets one rebuild at a time run on a database: a session-level PostgreSQL
 * advisory lock held on a connection of its own for the whole rebuild, so that it is
 * released when the rebuild ends, however it ends (a killed process drops its
 * connection).
 */
final class RebuildLock implements AutoCloseable {

	static final String APPLICATION_NAME = "workflow-persistence rebuild";

	// A key pair of its own: instance locks of ingestion use the class 0x57F1.
	private static final int LOCK_CLASS = 0x57F2;

	private static final int LOCK_OBJECT = 1;

	private static final String TRY_LOCK = """
			SELECT pg_try_advisory_lock(?, ?)
			""";

	private static final String HOLDER = """
			SELECT a.pid, a.application_name, a.usename, a.client_addr, a.backend_start
			FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
			  AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 2
			""";

	private final Connection connection;

	private RebuildLock(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Takes the lock, or refuses with a message naming who holds it.
	 * @throws CommandException with exit code 3 when another rebuild holds it
	 */
	static RebuildLock acquire(ConnectionSettings database) throws SQLException {
		Connection connection = database.connect();
		try {
			if (tryLock(connection)) {
				return new RebuildLock(connection);
			}
			String holder = holder(connection).orElse("another session");
			throw new CommandException(ReplayCommands.REFUSED, "Another rebuild is running on this database (" + holder
					+ "). Only one rebuild runs at a time: wait until it ends, or stop it if it is stuck.");
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/**
	 * Who holds the lock now, if anyone.
	 */
	static Optional<String> holder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER)) {
			statement.setInt(1, LOCK_CLASS);
			statement.setInt(2, LOCK_OBJECT);
			try (ResultSet row = statement.executeQuery()) {
				if (!row.next()) {
					return Optional.empty();
				}
				return Optional.of("PostgreSQL backend " + row.getInt("pid") + ", "
						+ orUnknown(row.getString("application_name")) + ", user " + orUnknown(row.getString("usename"))
						+ ", client " + orUnknown(row.getString("client_addr")) + ", connected since "
						+ orUnknown(row.getString("backend_start")));
			}
		}
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
			statement.setInt(1, LOCK_CLASS);
			statement.setInt(2, LOCK_OBJECT);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getBoolean(1);
			}
		}
	}

	private static String orUnknown(String value) {
		return (value == null || value.isBlank()) ? "unknown" : value;
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}

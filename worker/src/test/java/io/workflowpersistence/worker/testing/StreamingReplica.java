package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.PostgresBinaries;
import org.awaitility.Awaitility;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A throwaway PostgreSQL primary and a hot standby streaming from it, from the machine's
 * own PostgreSQL package (Debian's {@code /usr/lib/postgresql/<version>/bin}): the
 * primary made by {@code initdb}, the standby cloned by {@code pg_basebackup -R}, each in
 * a temporary directory on a free port, both trusting local connections. The standby runs
 * without {@code hot_standby_feedback} and cancels conflicting queries at once
 * ({@code max_standby_streaming_delay=0}), so that recovery conflicts can be provoked.
 */
public final class StreamingReplica implements AutoCloseable {

	private final PostgresBinaries binaries;

	private final Path directory;

	private final int primaryPort;

	private final int standbyPort;

	private StreamingReplica(PostgresBinaries binaries, Path directory, int primaryPort, int standbyPort) {
		this.binaries = binaries;
		this.directory = directory;
		this.primaryPort = primaryPort;
		this.standbyPort = standbyPort;
	}

	/**
	 * Whether the machine has the binaries to start a replica.
	 * @return {@code true} when {@code initdb}, {@code pg_ctl} and {@code pg_basebackup}
	 * are there
	 */
	public static boolean available() {
		return binaries().isPresent();
	}

	/**
	 * Starts a primary and its standby, both stopped and deleted when the JVM exits.
	 * @return the running pair
	 */
	public static StreamingReplica start() {
		PostgresBinaries binaries = binaries()
			.orElseThrow(() -> new IllegalStateException("No PostgreSQL package binaries"));
		try {
			Path directory = Files.createTempDirectory("streaming-replica");
			PostgresBinaries.ownByServerUser(directory);
			int primaryPort = PostgresBinaries.freePort();
			int standbyPort = PostgresBinaries.freePort();
			while (standbyPort == primaryPort) {
				standbyPort = PostgresBinaries.freePort();
			}
			StreamingReplica replica = new StreamingReplica(binaries, directory, primaryPort, standbyPort);
			Runtime.getRuntime().addShutdownHook(new Thread(replica::close, "streaming-replica-stop"));
			replica.startPrimary();
			replica.startStandby();
			return replica;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start a primary and a standby from " + binaries.bin(), ex);
		}
	}

	/**
	 * Creates an empty database on the primary; the standby receives it.
	 * @param name the database name
	 * @return the database on the primary, as the superuser
	 */
	public DatabaseInfo createDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(primaryUrl("postgres"), "postgres", null);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name, ex);
		}
		return new DatabaseInfo(primaryUrl(name), "postgres", null, name);
	}

	/**
	 * The JDBC URL of a database on the primary.
	 * @param database the database
	 * @return the URL
	 */
	public String primaryUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.primaryPort + "/" + database;
	}

	/**
	 * The JDBC URL of a database on the standby.
	 * @param database the database
	 * @return the URL
	 */
	public String standbyUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.standbyPort + "/" + database;
	}

	/**
	 * A database on the standby, as the superuser.
	 * @param database the database
	 * @return the database on the standby
	 */
	public DatabaseInfo standby(String database) {
		return new DatabaseInfo(standbyUrl(database), "postgres", null, database);
	}

	/**
	 * Waits until the standby has replayed everything the primary wrote so far.
	 * @param database a database of both
	 */
	public void awaitReplayed(String database) {
		JdbcTemplate primary = new JdbcTemplate(
				new DatabaseInfo(primaryUrl(database), "postgres", null, database).dataSource());
		JdbcTemplate standby = new JdbcTemplate(standby(database).dataSource());
		String written = primary.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> standby.queryForObject("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn", Boolean.class,
					written));
	}

	/**
	 * The standby's server log.
	 * @return its text so far
	 */
	public String standbyLog() {
		try {
			return Files.readString(this.directory.resolve("standby.log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void close() {
		try {
			this.binaries.stop(this.directory.resolve("standby"), "immediate");
			this.binaries.stop(this.directory.resolve("primary"), "immediate");
			PostgresBinaries.delete(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void startPrimary() throws IOException {
		Path data = this.directory.resolve("primary");
		this.binaries.run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8",
				"--locale=C");
		Files.writeString(data.resolve("postgresql.conf"), """

				port = %d
				listen_addresses = '127.0.0.1'
				unix_socket_directories = '%s'
				wal_level = replica
				max_wal_senders = 4
				hot_standby = on
				fsync = off
				full_page_writes = off
				""".formatted(this.primaryPort, this.directory), StandardOpenOption.APPEND);
		Files.writeString(data.resolve("pg_hba.conf"), """
				host replication all 127.0.0.1/32 trust
				""", StandardOpenOption.APPEND);
		this.binaries.start(data, this.directory.resolve("primary.log"));
	}

	private void startStandby() throws IOException {
		Path data = this.directory.resolve("standby");
		this.binaries.run("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(this.primaryPort), "-U", "postgres",
				"-D", data.toString(), "-R", "-X", "stream", "--no-sync");
		// Later lines win over the primary's copied settings.
		Files.writeString(data.resolve("postgresql.conf"), """

				port = %d
				hot_standby_feedback = off
				max_standby_streaming_delay = 0
				""".formatted(this.standbyPort), StandardOpenOption.APPEND);
		this.binaries.start(data, this.directory.resolve("standby.log"));
	}

	private static Optional<PostgresBinaries> binaries() {
		return PostgresBinaries.find("pg_basebackup");
	}

}

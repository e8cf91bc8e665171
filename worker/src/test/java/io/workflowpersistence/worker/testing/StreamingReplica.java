package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.workflowpersistence.db.testing.DatabaseInfo;
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

	private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

	private final Path binaries;

	private final Path directory;

	private final int primaryPort;

	private final int standbyPort;

	private StreamingReplica(Path binaries, Path directory, int primaryPort, int standbyPort) {
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
		Path binaries = binaries().orElseThrow(() -> new IllegalStateException("No PostgreSQL package binaries"));
		try {
			Path directory = Files.createTempDirectory("streaming-replica");
			ownByServerUser(directory);
			int primaryPort = freePort();
			int standbyPort = freePort();
			while (standbyPort == primaryPort) {
				standbyPort = freePort();
			}
			StreamingReplica replica = new StreamingReplica(binaries, directory, primaryPort, standbyPort);
			Runtime.getRuntime().addShutdownHook(new Thread(replica::close, "streaming-replica-stop"));
			replica.startPrimary();
			replica.startStandby();
			return replica;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start a primary and a standby from " + binaries, ex);
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
			stop("standby");
			stop("primary");
			delete(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void startPrimary() throws IOException {
		Path data = this.directory.resolve("primary");
		run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");
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
		run("pg_ctl", "-D", data.toString(), "-l", this.directory.resolve("primary.log").toString(), "-w", "-t", "60",
				"start");
	}

	private void startStandby() throws IOException {
		Path data = this.directory.resolve("standby");
		run("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(this.primaryPort), "-U", "postgres", "-D",
				data.toString(), "-R", "-X", "stream", "--no-sync");
		// Later lines win over the primary's copied settings.
		Files.writeString(data.resolve("postgresql.conf"), """

				port = %d
				hot_standby_feedback = off
				max_standby_streaming_delay = 0
				""".formatted(this.standbyPort), StandardOpenOption.APPEND);
		run("pg_ctl", "-D", data.toString(), "-l", this.directory.resolve("standby.log").toString(), "-w", "-t", "60",
				"start");
	}

	private void stop(String server) throws IOException {
		Path data = this.directory.resolve(server);
		if (Files.exists(data.resolve("postmaster.pid"))) {
			run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
		}
	}

	private static Optional<Path> binaries() {
		if (!Files.isDirectory(DEBIAN_BINARIES)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Stream.of("initdb", "pg_ctl", "pg_basebackup")
					.allMatch((tool) -> Files.isExecutable(bin.resolve(tool))))
				.max(Comparator.comparing((bin) -> bin.getParent().getFileName().toString(),
						Comparator.comparingInt((version) -> version.matches("\\d+") ? Integer.parseInt(version) : 0)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	// PostgreSQL refuses to run as root.
	private void run(String tool, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		if (isRoot()) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(this.binaries.resolve(tool).toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void ownByServerUser(Path directory) throws IOException {
		if (isRoot()) {
			UserPrincipal postgres = directory.getFileSystem()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName("postgres");
			Files.setOwner(directory, postgres);
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}

package io.workflowpersistence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.workflowpersistence.db.testing.PostgresBinaries;

/**
 * A PostgreSQL the benchmark starts for itself ({@code --postgres-conf}): Debian's server
 * in a throwaway cluster under the work directory, with a given settings file or the one
 * initdb writes, which every measurement then uses instead of the tests' server. The
 * cluster is deleted when it stops.
 */
final class OwnPostgres implements AutoCloseable {

	/**
	 * The value of {@code --postgres-conf} that keeps the settings initdb writes:
	 * PostgreSQL's stock settings.
	 */
	static final String STOCK = "initdb";

	private final PostgresBinaries binaries;

	private final Path directory;

	private final int port;

	private OwnPostgres(PostgresBinaries binaries, Path directory, int port) {
		this.binaries = binaries;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Starts a cluster and points the tests' database settings at it
	 * ({@code TEST_DATABASE_URL}), before anything has used them.
	 * @param settings a {@code postgresql.conf}, or {@link #STOCK}
	 * @param work the directory the cluster goes in
	 */
	static OwnPostgres start(Path settings, Path work) throws IOException {
		PostgresBinaries binaries = PostgresBinaries.find()
			.orElseThrow(() -> new IllegalStateException(
					"--postgres-conf needs PostgreSQL's server package in /usr/lib/postgresql"));
		Files.createDirectories(work);
		Path directory = Files.createTempDirectory(work.toAbsolutePath(), "postgres-");
		String options = "-c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory;
		if (!settings.toString().equals(STOCK)) {
			Files.copy(settings, directory.resolve("postgresql.conf"), StandardCopyOption.REPLACE_EXISTING);
			options = "-c config_file=" + directory.resolve("postgresql.conf") + " " + options;
		}
		PostgresBinaries.ownByServerUser(directory);
		int port = PostgresBinaries.freePort();
		Path data = directory.resolve("data");
		binaries.run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C");
		binaries.start(data, directory.resolve("server.log"), options, "-c port=" + port);
		OwnPostgres postgres = new OwnPostgres(binaries, directory, port);
		// BenchMain ends with System.exit, which skips try-with-resources.
		Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "own-postgres-stop"));
		System.setProperty("TEST_DATABASE_URL", postgres.jdbcUrl());
		System.setProperty("TEST_DATABASE_USERNAME", "postgres");
		return postgres;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/**
	 * What the report says about the server's settings.
	 */
	static String describe(Path settings) {
		return settings.toString().equals(STOCK) ? "a cluster of its own with initdb's settings"
				: "a cluster of its own with " + settings;
	}

	@Override
	public void close() {
		stop();
	}

	private synchronized void stop() {
		if (!Files.exists(this.directory)) {
			return;
		}
		try {
			this.binaries.stop(this.directory.resolve("data"), "fast");
			PostgresBinaries.delete(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop PostgreSQL in " + this.directory, ex);
		}
		BenchMain.log("stopped PostgreSQL on port " + this.port);
	}

}

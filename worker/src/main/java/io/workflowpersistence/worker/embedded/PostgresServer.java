package io.workflowpersistence.worker.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server started from the binaries bundled with the worker, its data in a
 * directory of its own.
 */
final class PostgresServer implements AutoCloseable {

	static final String USER = "postgres";

	static final String DATABASE = "postgres";

	private final EmbeddedPostgres server;

	private PostgresServer(EmbeddedPostgres server) {
		this.server = server;
	}

	/**
	 * Starts a server on a free port, with a new cluster in the directory unless it holds
	 * one already.
	 */
	static PostgresServer start(Path directory) {
		try {
			return new PostgresServer(EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.server.getPort() + "/" + DATABASE;
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop the embedded PostgreSQL", ex);
		}
	}

}

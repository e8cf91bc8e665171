package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.workflowpersistence.db.testing.PostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL started the way compose's {@code postgres} service starts one: a fresh
 * cluster whose superuser {@code postgres} has the service's password, run with the
 * service's settings file, its database created and its init scripts run by the superuser
 * with {@code psql -v ON_ERROR_STOP=1}, as the image's entrypoint does. It is Debian's
 * server in a throwaway cluster of its own, so the scripts' real role names clash with
 * nobody's; where that package is absent, an embedded PostgreSQL (zonky) with the same
 * settings, whose scripts run over JDBC. Stopped and deleted on close.
 */
public final class ComposePostgres implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private final int port;

	private final String password;

	private final Path directory;

	private final PostgresBinaries binaries;

	private final EmbeddedPostgres embedded;

	private ComposePostgres(int port, String password, Path directory, PostgresBinaries binaries,
			EmbeddedPostgres embedded) {
		this.port = port;
		this.password = password;
		this.directory = directory;
		this.binaries = binaries;
		this.embedded = embedded;
	}

	/**
	 * Starts a cluster with a settings file, on a free port of the loopback interface.
	 * @param settings the {@code postgresql.conf} compose mounts
	 * @param password the superuser's password ({@code POSTGRES_PASSWORD})
	 * @return the running server
	 */
	public static ComposePostgres start(Path settings, String password) {
		ComposePostgres postgres = PostgresBinaries.find("psql")
			.map((binaries) -> startPackaged(binaries, settings, password))
			.orElseGet(() -> startEmbedded(settings));
		Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "compose-postgres-stop"));
		return postgres;
	}

	/**
	 * Whether this is Debian's server, which checks passwords, rather than the embedded
	 * fallback, which trusts every local user.
	 */
	public boolean checksPasswords() {
		return this.embedded == null;
	}

	/**
	 * {@code host:port}, to put where compose names the {@code postgres} service.
	 */
	public String address() {
		return HOST + ":" + this.port;
	}

	public Connection connectAsSuperuser(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + address() + "/" + database, "postgres",
				this.password);
	}

	/**
	 * Creates the database of {@code POSTGRES_DB}, as the entrypoint does before the init
	 * scripts.
	 */
	public void createDatabase(String name) {
		try (Connection connection = connectAsSuperuser("postgres");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name, ex);
		}
	}

	/**
	 * Runs an init script as the superuser, connected to the database, stopping at its
	 * first error.
	 * @param script the {@code .sql} file mounted into
	 * {@code /docker-entrypoint-initdb.d}
	 * @param database the database of {@code POSTGRES_DB}
	 */
	public void runInitScript(Path script, String database) throws IOException {
		if (this.embedded != null) {
			try (Connection connection = connectAsSuperuser(database);
					Statement statement = connection.createStatement()) {
				statement.execute(Files.readString(script));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(script + " failed", ex);
			}
			return;
		}
		this.binaries.run("psql", "-v", "ON_ERROR_STOP=1", "--username", "postgres", "--no-password", "--host",
				this.directory.toString(), "--port", String.valueOf(this.port), "--dbname", database, "-f",
				script.toAbsolutePath().toString());
	}

	@Override
	public synchronized void close() {
		try {
			if (this.embedded != null) {
				this.embedded.close();
				return;
			}
			this.binaries.stop(this.directory.resolve("data"), "immediate");
			PostgresBinaries.delete(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ComposePostgres startPackaged(PostgresBinaries binaries, Path settings, String password) {
		try {
			Path directory = Files.createTempDirectory("compose-postgres");
			Files.writeString(directory.resolve("password"), password);
			Files.copy(settings, directory.resolve("postgresql.conf"), StandardCopyOption.REPLACE_EXISTING);
			PostgresBinaries.ownByServerUser(directory);
			int port = PostgresBinaries.freePort();
			Path data = directory.resolve("data");
			binaries.run("initdb", "-D", data.toString(), "-U", "postgres", "--pwfile=" + directory.resolve("password"),
					"--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C");
			// Settings on the command line win over the file's, as in the container; the
			// container's port and socket folder do not fit a shared machine.
			String options = "-c config_file=%s -c listen_addresses=%s -c port=%d -c unix_socket_directories=%s"
				.formatted(directory.resolve("postgresql.conf"), HOST, port, directory);
			binaries.start(data, directory.resolve("server.log"), options);
			return new ComposePostgres(port, password, directory, binaries, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start PostgreSQL from " + binaries.bin(), ex);
		}
	}

	private static ComposePostgres startEmbedded(Path settings) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			PostgresSettings.read(settings)
				.entrySet()
				.stream()
				.filter((setting) -> !setting.getKey().equals("listen_addresses"))
				.forEach((setting) -> builder.setServerConfig(setting.getKey(), setting.getValue()));
			EmbeddedPostgres postgres = builder.start();
			return new ComposePostgres(postgres.getPort(), UUID.randomUUID().toString(), null, null, postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start an embedded PostgreSQL", ex);
		}
	}

}

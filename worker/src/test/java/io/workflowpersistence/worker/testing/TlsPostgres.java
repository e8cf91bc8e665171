package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.PostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A throwaway PostgreSQL cluster with {@code ssl=on} and a {@link TestCertificate}: the
 * server of the machine's own PostgreSQL package (Debian's
 * {@code /usr/lib/postgresql/<version>/bin}) in a cluster of its own, which refuses
 * connections without TLS; where that package is absent, an embedded PostgreSQL (zonky)
 * started with the same SSL settings. Clients connect with {@code sslmode=verify-full},
 * checking the certificate and the host name.
 */
public final class TlsPostgres implements AutoCloseable {

	private final TestCertificate certificate;

	private final int port;

	private final String password;

	private final Path directory;

	private final PostgresBinaries binaries;

	private final EmbeddedPostgres embedded;

	private TlsPostgres(TestCertificate certificate, int port, String password, Path directory,
			PostgresBinaries binaries, EmbeddedPostgres embedded) {
		this.certificate = certificate;
		this.port = port;
		this.password = password;
		this.directory = directory;
		this.binaries = binaries;
		this.embedded = embedded;
	}

	/**
	 * Starts a cluster, stopped and deleted when the JVM exits.
	 * @param certificate the server's certificate
	 * @return the running cluster
	 */
	public static TlsPostgres start(TestCertificate certificate) {
		TlsPostgres postgres = PostgresBinaries.find()
			.map((binaries) -> startDebian(certificate, binaries))
			.orElseGet(() -> startEmbedded(certificate));
		Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "tls-postgres-stop"));
		return postgres;
	}

	/**
	 * Whether the cluster refuses connections without TLS (the package's cluster does;
	 * the embedded one only offers TLS).
	 * @return {@code true} when plaintext is refused
	 */
	public boolean refusesPlaintext() {
		return this.embedded == null;
	}

	/**
	 * The JDBC URL of a database, with TLS and full verification of the server.
	 * @param database the database
	 * @return the URL
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database + "?sslmode=verify-full&sslrootcert="
				+ this.certificate.certificate();
	}

	/**
	 * Creates an empty database, reached as the superuser over TLS.
	 * @param name the database name
	 * @return the database
	 */
	public DatabaseInfo createDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name, ex);
		}
		return new DatabaseInfo(jdbcUrl(name), "postgres", this.password, name);
	}

	@Override
	public synchronized void close() {
		try {
			if (this.embedded != null) {
				this.embedded.close();
			}
			else {
				this.binaries.stop(this.directory.resolve("data"), "immediate");
				PostgresBinaries.delete(this.directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static TlsPostgres startDebian(TestCertificate certificate, PostgresBinaries binaries) {
		try {
			Path directory = Files.createTempDirectory("tls-postgres");
			String password = UUID.randomUUID().toString();
			Files.writeString(directory.resolve("password"), password);
			Files.copy(certificate.certificate(), directory.resolve("server.crt"), StandardCopyOption.REPLACE_EXISTING);
			Files.copy(certificate.privateKey(), directory.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
			Files.setPosixFilePermissions(directory.resolve("server.key"),
					PosixFilePermissions.fromString("rw-------"));
			PostgresBinaries.ownByServerUser(directory);
			int port = PostgresBinaries.freePort();
			Path data = directory.resolve("data");
			binaries.run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "scram-sha-256",
					"--pwfile=" + directory.resolve("password"), "--no-sync", "-E", "UTF8", "--locale=C");
			configure(directory, data, port);
			binaries.start(data, directory.resolve("server.log"));
			return new TlsPostgres(certificate, port, password, directory, binaries, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start PostgreSQL from " + binaries.bin(), ex);
		}
	}

	private static void configure(Path directory, Path data, int port) throws IOException {
		Files.writeString(data.resolve("postgresql.conf"), """

				port = %d
				listen_addresses = '127.0.0.1'
				unix_socket_directories = '%s'
				ssl = on
				ssl_cert_file = '%s'
				ssl_key_file = '%s'
				fsync = off
				synchronous_commit = off
				full_page_writes = off
				""".formatted(port, directory, directory.resolve("server.crt"), directory.resolve("server.key")),
				StandardOpenOption.APPEND);
		Files.writeString(data.resolve("pg_hba.conf"), """
				local     all all                scram-sha-256
				hostssl   all all 127.0.0.1/32   scram-sha-256
				hostnossl all all 0.0.0.0/0      reject
				""");
	}

	private static TlsPostgres startEmbedded(TestCertificate certificate) {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("ssl", "on")
				.setServerConfig("ssl_cert_file", certificate.certificate().toString())
				.setServerConfig("ssl_key_file", certificate.privateKey().toString())
				.start();
			return new TlsPostgres(certificate, postgres.getPort(), "", null, null, postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start an embedded PostgreSQL with TLS", ex);
		}
	}

}

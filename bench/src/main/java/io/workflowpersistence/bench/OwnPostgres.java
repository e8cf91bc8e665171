package io.workflowpersistence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

	private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

	private final Path binaries;

	private final Path directory;

	private final int port;

	private OwnPostgres(Path binaries, Path directory, int port) {
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
		Path binaries = binaries();
		Files.createDirectories(work);
		Path directory = Files.createTempDirectory(work.toAbsolutePath(), "postgres-");
		String options = "-c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory;
		if (!settings.toString().equals(STOCK)) {
			Files.copy(settings, directory.resolve("postgresql.conf"), StandardCopyOption.REPLACE_EXISTING);
			options = "-c config_file=" + directory.resolve("postgresql.conf") + " " + options;
		}
		ownByServerUser(directory);
		int port = freePort();
		Path data = directory.resolve("data");
		run(List.of(binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E",
				"UTF8", "--locale=C"));
		run(List.of(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
				directory.resolve("server.log").toString(), "-o", options + " -c port=" + port, "-w", "-t", "120",
				"start"));
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
			stopAndDelete();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop PostgreSQL in " + this.directory, ex);
		}
	}

	private void stopAndDelete() throws IOException {
		run(List.of(this.binaries.resolve("pg_ctl").toString(), "-D", this.directory.resolve("data").toString(), "-m",
				"fast", "-w", "stop"));
		try (Stream<Path> files = Files.walk(this.directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		BenchMain.log("stopped PostgreSQL on port " + this.port);
	}

	private static Path binaries() throws IOException {
		if (!Files.isDirectory(DEBIAN_BINARIES)) {
			throw new IllegalStateException("--postgres-conf needs PostgreSQL's server package in " + DEBIAN_BINARIES);
		}
		try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
				.max(Comparator.comparing((bin) -> bin.getParent().getFileName().toString()))
				.orElseThrow(() -> new IllegalStateException("No initdb and pg_ctl in " + DEBIAN_BINARIES));
		}
	}

	// The server refuses to run as root.
	private static void ownByServerUser(Path directory) throws IOException {
		if (!isRoot()) {
			return;
		}
		UserPrincipal postgres = directory.getFileSystem()
			.getUserPrincipalLookupService()
			.lookupPrincipalByName("postgres");
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.toList()) {
				Files.setOwner(file, postgres);
			}
		}
	}

	private static void run(List<String> command) throws IOException {
		List<String> full = new ArrayList<>();
		if (isRoot()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
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

}

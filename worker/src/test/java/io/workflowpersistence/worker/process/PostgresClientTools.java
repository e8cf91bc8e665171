package io.workflowpersistence.worker.process;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.workflowpersistence.db.testing.DatabaseInfo;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's client programs ({@code pg_dump}, {@code pg_restore}) of a major version
 * at least the server's, as a backup needs: Debian's of the server's own version first
 * ({@code /usr/lib/postgresql/<major>/bin}), else the newest other one there, else those
 * on the {@code PATH} when their version is new enough.
 */
final class PostgresClientTools {

	private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

	private final Path directory;

	private PostgresClientTools(Path directory) {
		this.directory = directory;
	}

	static Optional<PostgresClientTools> find(DatabaseInfo database) {
		int server = JdbcClient.create(database.dataSource())
			.sql("SELECT current_setting('server_version_num')::int / 10000")
			.query(Integer.class)
			.single();
		List<Path> candidates = new ArrayList<>();
		candidates.add(DEBIAN.resolve(server + "/bin"));
		if (Files.isDirectory(DEBIAN)) {
			try (Stream<Path> versions = Files.list(DEBIAN)) {
				versions.filter((version) -> version.getFileName().toString().matches("\\d+"))
					.sorted(Comparator.comparing((Path version) -> Integer.parseInt(version.getFileName().toString()))
						.reversed())
					.map((version) -> version.resolve("bin"))
					.forEach(candidates::add);
			}
			catch (IOException ex) {
				// Then only the PATH is left to look at.
			}
		}
		Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.filter((entry) -> !entry.isEmpty())
			.map(Path::of)
			.forEach(candidates::add);
		return candidates.stream()
			.filter((candidate) -> Files.isExecutable(candidate.resolve("pg_dump"))
					&& Files.isExecutable(candidate.resolve("pg_restore")))
			.filter((candidate) -> majorVersion(candidate.resolve("pg_dump")) >= server)
			.findFirst()
			.map(PostgresClientTools::new);
	}

	/**
	 * Runs one of the programs against the database, connecting as its user, and fails
	 * with its output unless it exits with 0.
	 */
	void run(String program, DatabaseInfo database, String... arguments) throws Exception {
		URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
		List<String> command = new ArrayList<>(List.of(this.directory.resolve(program).toString(), "--host",
				server.getHost(), "--port", String.valueOf((server.getPort() > 0) ? server.getPort() : 5432),
				"--username", database.username(), "--dbname", database.name(), "--no-password"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (database.password() != null) {
			builder.environment().put("PGPASSWORD", database.password());
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

	@Override
	public String toString() {
		return this.directory.toString();
	}

	private static int majorVersion(Path program) {
		try {
			Process process = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
			String version = new String(process.getInputStream().readAllBytes()).replaceAll("^\\D*(\\d+).*\\s*$", "$1");
			process.waitFor(10, TimeUnit.SECONDS);
			return Integer.parseInt(version.trim());
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}

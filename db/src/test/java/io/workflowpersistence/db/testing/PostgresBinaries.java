package io.workflowpersistence.db.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The programs of the machine's own PostgreSQL package (Debian's
 * {@code /usr/lib/postgresql/<version>/bin}), run as the {@code postgres} user when the
 * caller runs as root, since the server refuses to run as root: what every throwaway
 * cluster of the tests and the benchmark is made, started and stopped with.
 */
public final class PostgresBinaries {

	private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

	private final Path bin;

	private PostgresBinaries(Path bin) {
		this.bin = bin;
	}

	/**
	 * The bin folder of the newest installed version that has {@code initdb},
	 * {@code pg_ctl} and the other programs named.
	 * @param tools programs needed besides {@code initdb} and {@code pg_ctl}
	 * @return the binaries, or empty where the package is absent
	 */
	public static Optional<PostgresBinaries> find(String... tools) {
		if (!Files.isDirectory(DEBIAN_BINARIES)) {
			return Optional.empty();
		}
		List<String> needed = new ArrayList<>(List.of("initdb", "pg_ctl"));
		needed.addAll(List.of(tools));
		try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> needed.stream().allMatch((tool) -> Files.isExecutable(bin.resolve(tool))))
				.max(Comparator.comparing((bin) -> bin.getParent().getFileName().toString(),
						Comparator.comparingInt((version) -> version.matches("\\d+") ? Integer.parseInt(version) : 0)))
				.map(PostgresBinaries::new);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The bin folder.
	 * @return where the programs are
	 */
	public Path bin() {
		return this.bin;
	}

	/**
	 * Runs one of the programs as the server's user and returns its output, or fails with
	 * it.
	 * @param tool the program, e.g. {@code initdb}
	 * @param arguments its arguments
	 * @return what it wrote to stdout and stderr
	 */
	public String run(String tool, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		if (isRoot()) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(this.bin.resolve(tool).toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
			return output;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts a server on a cluster with {@code pg_ctl start}, waiting until it accepts
	 * connections.
	 * @param data the cluster's data directory
	 * @param log the server's log file
	 * @param options the server's command-line options ({@code -c name=value}), or none
	 */
	public void start(Path data, Path log, String... options) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("-D", data.toString(), "-l", log.toString()));
		if (options.length > 0) {
			arguments.addAll(List.of("-o", String.join(" ", options)));
		}
		arguments.addAll(List.of("-w", "-t", "120", "start"));
		run("pg_ctl", arguments.toArray(String[]::new));
	}

	/**
	 * Stops the server of a cluster, if it runs.
	 * @param data the cluster's data directory
	 * @param mode {@code fast} or {@code immediate}
	 */
	public void stop(Path data, String mode) throws IOException {
		if (Files.exists(data.resolve("postmaster.pid"))) {
			run("pg_ctl", "-D", data.toString(), "-m", mode, "-w", "stop");
		}
	}

	/**
	 * Gives a directory and what it holds to the server's user: the server refuses to run
	 * as root and wants its key file to be its own.
	 * @param directory the directory
	 */
	public static void ownByServerUser(Path directory) throws IOException {
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

	/**
	 * Deletes a directory and what it holds, if it exists.
	 * @param directory the directory
	 */
	public static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	/**
	 * A port of the loopback interface that nothing listens on right now.
	 * @return the port
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

}

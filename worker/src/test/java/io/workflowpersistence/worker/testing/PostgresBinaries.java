package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The programs of the machine's own PostgreSQL package (Debian's
 * {@code /usr/lib/postgresql/<version>/bin}), run as the {@code postgres} user when the
 * tests run as root, since the server refuses to run as root.
 */
final class PostgresBinaries {

	private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

	private PostgresBinaries() {
	}

	/**
	 * The bin folder of the newest installed version that has {@code initdb},
	 * {@code pg_ctl} and {@code psql}.
	 */
	static Optional<Path> find() {
		if (!Files.isDirectory(DEBIAN_BINARIES)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Stream.of("initdb", "pg_ctl", "psql")
					.allMatch((tool) -> Files.isExecutable(bin.resolve(tool))))
				.max(Comparator.comparing((bin) -> bin.getParent().getFileName().toString(),
						Comparator.comparingInt((version) -> version.matches("\\d+") ? Integer.parseInt(version) : 0)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Runs a program as the server's user and returns its output, or fails with it.
	 */
	static String runAsServerUser(List<String> command, Map<String, String> environment) throws IOException {
		List<String> full = new ArrayList<>();
		if (isRoot()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
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
	 * Gives a directory and what it holds to the server's user.
	 */
	static void ownByServerUser(Path directory) throws IOException {
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

	static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

}

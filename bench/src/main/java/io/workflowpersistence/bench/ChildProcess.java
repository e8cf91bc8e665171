package io.workflowpersistence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A process the benchmark started: its output goes to a log file, it is stopped when the
 * benchmark ends, however it ends.
 */
final class ChildProcess implements AutoCloseable {

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "bench-children-cleanup"));
	}

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts the command with the given extra environment, its output appended to the
	 * log.
	 */
	static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().putAll(environment);
			builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			Process process = builder.start();
			RUNNING.add(process);
			return new ChildProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + ": " + command, ex);
		}
	}

	/**
	 * The java command of the JVM that runs the benchmark.
	 */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	/**
	 * Waits for the process to end by itself; its exit code.
	 * @throws IllegalStateException when it is still running after the timeout
	 */
	int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(this.name + " still runs after " + timeout + "; its log: " + this.log);
			}
			RUNNING.remove(this.process);
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
		}
	}

	/**
	 * Fails with the end of its log when the process is no longer running.
	 */
	void checkAlive() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + ":\n" + logTail());
		}
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * SIGTERM, so that the JVM writes what it writes on exit (a flight recording), then
	 * SIGKILL if it has not ended within a minute.
	 */
	@Override
	public void close() {
		try {
			if (this.process.isAlive()) {
				this.process.destroy();
				if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
					this.process.waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		finally {
			RUNNING.remove(this.process);
		}
	}

}

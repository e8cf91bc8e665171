package io.workflowpersistence.worker.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.workflowpersistence.worker.testing.WorkerProcess;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A command of the packaged production jar
 * ({@code java -jar worker-server.jar rebuild …}) run as a child process, as ops run it:
 * its output, stdout and stderr together, goes to a log file under
 * {@code target/process-logs}.
 */
final class JarCommand implements AutoCloseable {

	private static final Path JAR = WorkerProcess.JAR;

	private final File log;

	private final Process process;

	private JarCommand(File log, Process process) {
		this.log = log;
		this.process = process;
	}

	static JarCommand start(String name, Map<String, String> environment, String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
						JAR.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		File log = Path.of("target", "process-logs", name + ".log").toFile();
		log.getParentFile().mkdirs();
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log));
		return new JarCommand(log, builder.start());
	}

	int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("Still running after " + timeout + ":\n" + output());
		}
		return this.process.exitValue();
	}

	void awaitOutput(String text, Duration timeout) {
		try {
			Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
				boolean alive = this.process.isAlive();
				if (output().contains(text)) {
					return true;
				}
				if (!alive) {
					throw new IllegalStateException("The command exited");
				}
				return false;
			});
		}
		catch (ConditionTimeoutException | IllegalStateException ex) {
			throw new IllegalStateException("No '" + text + "' in the output:\n" + output(), ex);
		}
	}

	String output() {
		try {
			return Files.readString(this.log.toPath(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

}

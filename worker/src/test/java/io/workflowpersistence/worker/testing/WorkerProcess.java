package io.workflowpersistence.worker.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.workflowpersistence.db.testing.DatabaseInfo;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged worker jar running as a child process, as ops run it: configured through
 * environment variables, stopped gracefully or killed with SIGKILL.
 */
public final class WorkerProcess implements AutoCloseable {

	/**
	 * The production jar, the one the Docker image ships: worker.jar less the embedded
	 * servers. The embedded run's own test runs worker.jar.
	 */
	public static final Path JAR = Path.of("target", "worker-server.jar");

	private static final JsonMapper JSON = JsonMapper.shared();

	private final String name;

	private final Map<String, String> environment;

	private final int port;

	private Process process;

	public WorkerProcess(String name, Map<String, String> environment) {
		this.name = name;
		this.environment = environment;
		this.port = freePort();
	}

	/**
	 * The environment that connects a worker to a broker and a database, to add more
	 * settings to.
	 * @param bootstrapServers the broker
	 * @param database the database and the user the worker connects as
	 * @return a modifiable map of environment variables
	 */
	public static Map<String, String> connectedTo(String bootstrapServers, DatabaseInfo database) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
		environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		environment.put("SPRING_DATASOURCE_PASSWORD", (database.password() != null) ? database.password() : "");
		return environment;
	}

	public WorkerProcess start() throws IOException {
		List<String> command = new ArrayList<>(
				List.of(javaExecutable(), "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(this.environment);
		builder.environment().put("SERVER_PORT", String.valueOf(this.port));
		File log = Path.of("target", "process-logs", this.name + ".log").toFile();
		log.getParentFile().mkdirs();
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
		this.process = builder.start();
		return this;
	}

	/**
	 * Waits until the worker answers on its health endpoint (whatever the status).
	 */
	public WorkerProcess awaitStarted(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		try {
			Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited with " + this.process.exitValue());
				}
				try {
					http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
							HttpResponse.BodyHandlers.discarding());
					return true;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(this.name + " did not start within " + timeout, ex);
		}
		return this;
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * The status ("UP", "DOWN", ...) /actuator/health reports for one of its components,
	 * such as "kafka" or "db".
	 */
	public String healthStatus(String component) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body()).path("components").path(component).path("status").asString();
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * SIGKILL: no shutdown hook, no offset commit, no goodbye.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

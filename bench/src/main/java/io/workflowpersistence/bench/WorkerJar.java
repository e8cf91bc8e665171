package io.workflowpersistence.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * The packaged worker ({@code worker/target/worker.jar}) in a process of its own,
 * configured through environment variables as ops run it.
 */
final class WorkerJar implements AutoCloseable {

	/**
	 * The header of the API key every worker of the benchmark accepts.
	 */
	static final String API_KEY_HEADER = "X-API-Key";

	/**
	 * A key made for this benchmark run, allowed to read the API and the metrics: access
	 * control stays on, as it is by default.
	 */
	static final String API_KEY = UUID.randomUUID().toString();

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private final ChildProcess process;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private WorkerJar(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * The environment of a worker on this broker and database in this consumer group, a
	 * new map the caller may add to.
	 */
	static Map<String, String> environment(String bootstrapServers, DatabaseInfo database, String group) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
		environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		if (database.password() != null) {
			environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
		}
		environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", group);
		environment.put("WORKER_SECURITY_API_KEYS_0_NAME", "bench");
		environment.put("WORKER_SECURITY_API_KEYS_0_SHA256", sha256(API_KEY));
		environment.put("WORKER_SECURITY_API_KEYS_0_SCOPES", "workflows.read,workflows.metrics");
		return environment;
	}

	/**
	 * Starts the jar with the JVM options and environment given and waits until it
	 * answers on its health endpoint.
	 */
	static WorkerJar start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log) {
		return start(jar, jvmOptions, environment, log, STARTUP);
	}

	/**
	 * Starts the jar and waits up to {@code startup} for it to answer; stops it if it
	 * does not.
	 */
	static WorkerJar start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log,
			Duration startup) {
		int port = KafkaServer.freePort();
		List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		Map<String, String> withPort = new HashMap<>(environment);
		withPort.put("SERVER_PORT", Integer.toString(port));
		WorkerJar worker = new WorkerJar(ChildProcess.start("worker", command, withPort, log), port);
		try {
			worker.awaitStarted(startup);
		}
		catch (RuntimeException ex) {
			worker.close();
			throw ex;
		}
		return worker;
	}

	long pid() {
		return this.process.pid();
	}

	ChildProcess process() {
		return this.process;
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * The worker's metrics in the Prometheus text format, by series (name and labels as
	 * written, e.g. {@code jvm_memory_used_bytes{area="heap",id="G1 Eden Space"}}); empty
	 * when they cannot be read.
	 */
	Map<String, Double> metrics() {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus")))
					.header(API_KEY_HEADER, API_KEY)
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return Map.of();
			}
			Map<String, Double> series = new HashMap<>();
			for (String line : response.body().split("\n")) {
				int space = line.lastIndexOf(' ');
				if (line.isBlank() || line.startsWith("#") || space < 0) {
					continue;
				}
				series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
			}
			return series;
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of();
		}
	}

	/**
	 * The sum of the series of a metric whose labels contain all the given ones, e.g.
	 * {@code sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"")}.
	 */
	static double sum(Map<String, Double> metrics, String name, String... labels) {
		return metrics.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(name + "{") || entry.getKey().equals(name))
			.filter((entry) -> List.of(labels).stream().allMatch((label) -> entry.getKey().contains(label)))
			.mapToDouble(Map.Entry::getValue)
			.sum();
	}

	@Override
	public void close() {
		this.process.close();
	}

	private void awaitStarted(Duration startup) {
		long deadline = System.nanoTime() + startup.toNanos();
		while (System.nanoTime() < deadline) {
			this.process.checkAlive();
			try {
				this.http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
						HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("The worker did not answer within " + startup + ":\n" + this.process.logTail());
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

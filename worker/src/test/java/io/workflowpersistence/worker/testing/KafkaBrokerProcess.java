package io.workflowpersistence.worker.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.workflowpersistence.kafka.SingleNodeKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A single-node Kafka cluster (KRaft, one process acting as broker and controller)
 * running as a child JVM on free ports of the loopback interface, for tests that stop,
 * kill and start the broker again under a running worker. Its ports and its data
 * directory, formatted once, stay the same across restarts, so topics, records and
 * committed offsets survive them. The child runs Kafka's own main classes from this JVM's
 * class path.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

	private static final String HOST = SingleNodeKafka.HOST;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Path directory;

	private final File log;

	private final int brokerPort;

	private final int controllerPort;

	// A test JVM that ends without close() leaves no broker behind.
	private final Thread reaper = new Thread(this::destroy);

	private Process process;

	private boolean formatted;

	public KafkaBrokerProcess(String name) {
		this.directory = Path.of("target", "process-brokers", name).toAbsolutePath();
		this.log = Path.of("target", "process-logs", name + ".log").toFile();
		this.brokerPort = freePort();
		int controllerPort = freePort();
		while (controllerPort == this.brokerPort) {
			controllerPort = freePort();
		}
		this.controllerPort = controllerPort;
	}

	/**
	 * Starts the broker, formatting its data directory on the first start, and waits
	 * until it answers clients.
	 */
	public synchronized KafkaBrokerProcess start() throws IOException, InterruptedException {
		if (isRunning()) {
			throw new IllegalStateException("The broker is running already");
		}
		if (!this.formatted) {
			format();
			Runtime.getRuntime().addShutdownHook(this.reaper);
			this.formatted = true;
		}
		this.process = launch("-Xmx512m", "kafka.Kafka", serverProperties().toString());
		awaitReady();
		return this;
	}

	/**
	 * SIGTERM, as ops stop a broker: a controlled shutdown, then the process ends.
	 */
	public synchronized void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			destroy();
			throw new IllegalStateException("The broker did not stop within " + STOP_TIMEOUT + "; see " + this.log);
		}
	}

	/**
	 * SIGKILL: no controlled shutdown, no flush; the next start recovers the logs.
	 */
	public synchronized void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Creates the topics and waits until each of their partitions has a leader: producing
	 * to a topic while it is being created may lose records (KAFKA-15591).
	 */
	public void createTopics(List<String> topics, int partitions) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.createTopics(topics.stream().map((topic) -> new NewTopic(topic, partitions, (short) 1)).toList())
				.all()
				.get(30, TimeUnit.SECONDS);
			try {
				Awaitility.await()
					.atMost(START_TIMEOUT)
					.pollInterval(Duration.ofMillis(100))
					.until(() -> haveLeaders(admin, topics));
			}
			catch (ConditionTimeoutException ex) {
				throw new IllegalStateException("No leaders for " + topics + " within " + START_TIMEOUT, ex);
			}
		}
	}

	public String bootstrapServers() {
		return HOST + ":" + this.brokerPort;
	}

	@Override
	public synchronized void close() throws IOException {
		destroy();
		if (this.formatted) {
			Runtime.getRuntime().removeShutdownHook(this.reaper);
		}
		if (Files.exists(this.directory)) {
			try (Stream<Path> paths = Files.walk(this.directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private void destroy() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void format() throws IOException, InterruptedException {
		Files.createDirectories(this.directory);
		Properties properties = SingleNodeKafka.serverProperties(this.brokerPort, this.controllerPort,
				this.directory.resolve("data"), 3);
		// A broker started again after SIGKILL is refused until its previous registration
		// has expired: a session shorter than the default 9 s shortens that wait.
		properties.put("broker.heartbeat.interval.ms", "1000");
		properties.put("broker.session.timeout.ms", "4000");
		try (var out = Files.newBufferedWriter(serverProperties(), StandardCharsets.UTF_8)) {
			properties.store(out, "A single-node KRaft cluster for process tests");
		}
		Process format = launch("-Xmx256m", "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
				"-c", serverProperties().toString());
		if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
			format.destroyForcibly();
			throw new IllegalStateException("Could not format " + this.directory + "; see " + this.log);
		}
	}

	private Process launch(String heap, String mainClass, String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
						"-Dlogback.configurationFile=kafka-broker-logback.xml", mainClass));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		// The class path through the environment keeps the command line short.
		builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
		this.log.getParentFile().mkdirs();
		Files.writeString(this.log.toPath(), "---- " + Instant.now() + " " + mainClass + "\n", StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(this.log));
		return builder.start();
	}

	private void awaitReady() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000))) {
			Awaitility.await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(
							"The broker exited with " + this.process.exitValue() + "; see " + this.log);
				}
				try {
					return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
				}
				catch (ExecutionException | TimeoutException ex) {
					return false;
				}
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("The broker did not start within " + START_TIMEOUT + "; see " + this.log,
					ex);
		}
	}

	private static boolean haveLeaders(Admin admin, List<String> topics) throws Exception {
		return admin.describeTopics(topics)
			.allTopicNames()
			.get(30, TimeUnit.SECONDS)
			.values()
			.stream()
			.flatMap((description) -> description.partitions().stream())
			.allMatch((partition) -> partition.leader() != null && !partition.leader().isEmpty());
	}

	private Path serverProperties() {
		return this.directory.resolve("server.properties");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + HOST, ex);
		}
	}

}

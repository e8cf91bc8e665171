package io.workflowpersistence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.workflowpersistence.kafka.SingleNodeKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one) in a process of its
 * own, with a fresh log directory, on free ports of the loopback interface.
 */
final class KafkaServer implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	// The tools print the cluster id on stdout: their own logs go to stderr.
	private static final String LOGGING = """
			rootLogger.level=WARN
			rootLogger.appenderRef.stderr.ref=STDERR
			appender.stderr.type=Console
			appender.stderr.name=STDERR
			appender.stderr.target=SYSTEM_ERR
			appender.stderr.layout.type=PatternLayout
			appender.stderr.layout.pattern=%d{HH:mm:ss.SSS} %-5p %c{1} - %m%n
			""";

	private final ChildProcess process;

	private final String bootstrapServers;

	private KafkaServer(ChildProcess process, String bootstrapServers) {
		this.process = process;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Formats a log directory under {@code directory} and starts the broker with the jars
	 * of {@code libs}; returns once it answers.
	 */
	static KafkaServer start(Path directory, Path libs) {
		try {
			Files.createDirectories(directory);
			int port = freePort();
			int controllerPort = freePort();
			Path properties = directory.resolve("server.properties");
			try (Writer out = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
				serverProperties(directory.resolve("data"), port, controllerPort).store(out,
						"A single-node KRaft cluster");
			}
			Path logging = directory.resolve("log4j2.properties");
			Files.writeString(logging, LOGGING);
			List<String> classpath = List.of("-Dlog4j2.configurationFile=" + logging.toUri(), "-cp",
					libs.toAbsolutePath() + "/*");
			List<String> format = new ArrayList<>(List.of(ChildProcess.java()));
			format.addAll(classpath);
			format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
					properties.toString()));
			ChildProcess formatting = ChildProcess.start("kafka-storage-format", format, Map.of(),
					directory.resolve("format.log"));
			if (formatting.awaitExit(Duration.ofMinutes(2)) != 0) {
				throw new IllegalStateException("Formatting the broker's storage failed:\n" + formatting.logTail());
			}
			List<String> server = new ArrayList<>(List.of(ChildProcess.java(), "-Xms1g", "-Xmx1g"));
			server.addAll(classpath);
			server.addAll(List.of("kafka.Kafka", properties.toString()));
			ChildProcess process = ChildProcess.start("kafka", server, Map.of(), directory.resolve("kafka.log"));
			KafkaServer kafka = new KafkaServer(process, SingleNodeKafka.bootstrapServers(port));
			kafka.awaitReady();
			return kafka;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the Kafka broker in " + directory, ex);
		}
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * A client of the broker; the caller closes it.
	 */
	Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
	}

	@Override
	public void close() {
		this.process.close();
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		try (Admin admin = admin()) {
			while (true) {
				this.process.checkAlive();
				try {
					admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
					return;
				}
				catch (Exception ex) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException(
								"The Kafka broker did not answer within " + STARTUP + ":\n" + this.process.logTail(),
								ex);
					}
					if (ex instanceof InterruptedException) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(ex);
					}
				}
			}
		}
	}

	// The benchmark keeps every record it publishes, however old its timestamps.
	private static Properties serverProperties(Path data, int port, int controllerPort) {
		Properties properties = SingleNodeKafka.serverProperties(port, controllerPort, data, 3);
		properties.put("log.retention.ms", "-1");
		return properties;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

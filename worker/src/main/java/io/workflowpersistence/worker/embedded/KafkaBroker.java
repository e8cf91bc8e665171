package io.workflowpersistence.worker.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.workflowpersistence.kafka.SingleNodeKafka;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node Kafka cluster in this JVM (KRaft, one process acting as broker and
 * controller), listening on free ports of the loopback interface, its log in a directory
 * of its own.
 */
final class KafkaBroker implements AutoCloseable {

	private static final String HOST = SingleNodeKafka.HOST;

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Formats the directory unless it holds a formatted log already, and starts the
	 * broker on it.
	 * @param directory the log directory
	 * @param partitions the partitions of topics created without a number
	 */
	static KafkaBroker start(Path directory, int partitions) {
		int brokerPort = freePort();
		int controllerPort = freePort();
		Properties properties = SingleNodeKafka.serverProperties(brokerPort, controllerPort, directory, partitions);
		// Topics keep every record, so the database can always be rebuilt from them.
		properties.put("log.retention.ms", "-1");
		KafkaConfig config = KafkaConfig.fromProps(properties, false);
		format(directory);
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		server.startup();
		return new KafkaBroker(server, SingleNodeKafka.bootstrapServers(brokerPort));
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

	private static void format(Path directory) {
		if (Files.exists(directory.resolve("meta.properties"))) {
			return;
		}
		try {
			new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
				.setNodeId(SingleNodeKafka.NODE_ID)
				.setClusterId(Uuid.randomUuid().toString())
				.setControllerListenerName(SingleNodeKafka.CONTROLLER_LISTENER)
				.setMetadataLogDirectory(directory.toString())
				.addDirectory(directory.toString())
				.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format the Kafka log directory " + directory, ex);
		}
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

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

	private static final String HOST = "127.0.0.1";

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
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
		properties.put("listeners",
				"PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("log.dirs", directory.toString());
		properties.put("num.partitions", String.valueOf(partitions));
		properties.put("auto.create.topics.enable", "true");
		// Topics keep every record, so the database can always be rebuilt from them.
		properties.put("log.retention.ms", "-1");
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "5");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		KafkaConfig config = KafkaConfig.fromProps(properties, false);
		format(directory);
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		server.startup();
		return new KafkaBroker(server, HOST + ":" + brokerPort);
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
				.setNodeId(1)
				.setClusterId(Uuid.randomUuid().toString())
				.setControllerListenerName("CONTROLLER")
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

package io.workflowpersistence.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of a single-node Kafka cluster in KRaft mode (one process acting as broker
 * and controller, every replication factor 1), on the loopback interface: the one
 * definition the embedded run, the tests and the benchmark start their brokers from. The
 * quorum is static ({@code controller.quorum.voters}), so a log directory formatted once
 * can be started again on other ports.
 */
public final class SingleNodeKafka {

	/** The address both listeners bind to. */
	public static final String HOST = "127.0.0.1";

	/** The name of the controller's listener. */
	public static final String CONTROLLER_LISTENER = "CONTROLLER";

	/** The node id of the one node. */
	public static final int NODE_ID = 1;

	private SingleNodeKafka() {
	}

	/**
	 * The server properties of the node.
	 * @param brokerPort the port of the clients' listener
	 * @param controllerPort the port of the controller's listener
	 * @param logDirectory where the node keeps its log and metadata
	 * @param partitions the partitions of a topic created without a number
	 * @return the properties, to be completed by the caller's own (retention, timeouts)
	 */
	public static Properties serverProperties(int brokerPort, int controllerPort, Path logDirectory, int partitions) {
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(NODE_ID));
		properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
		properties.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST
				+ ":" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers(brokerPort));
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		properties.put("controller.listener.names", CONTROLLER_LISTENER);
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
		properties.put("num.partitions", String.valueOf(partitions));
		properties.putAll(singleReplica());
		return properties;
	}

	/**
	 * What any cluster of one broker needs whatever its listeners: every internal topic
	 * with one replica, topics created on first use, and a consumer group that starts
	 * without waiting for more members.
	 * @return the settings
	 */
	public static Map<String, String> singleReplica() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("auto.create.topics.enable", "true");
		settings.put("default.replication.factor", "1");
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("offsets.topic.num.partitions", "5");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		settings.put("group.initial.rebalance.delay.ms", "0");
		return settings;
	}

	/**
	 * Where clients reach the node.
	 * @param brokerPort the port of the clients' listener
	 * @return {@code host:port}
	 */
	public static String bootstrapServers(int brokerPort) {
		return HOST + ":" + brokerPort;
	}

}

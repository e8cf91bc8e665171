package io.workflowpersistence.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Kafka node started from the shared settings takes records on a topic it creates
 * on first use, with the configured partitions and one replica, and starts again on other
 * ports from the log it formatted once.
 */
class SingleNodeKafkaIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void aNodeStartedFromTheSettingsCreatesTopicsOnFirstUseAndServesThem() throws Exception {
		format(this.directory);
		int port = freePort();
		KafkaRaftServer server = start(port, freePort());
		try {
			send(port, "orders", "first");

			assertThat(readAll(port, "orders")).containsExactly("first");
			TopicDescription topic = describe(port, "orders");
			assertThat(topic.partitions()).hasSize(4);
			assertThat(topic.partitions()).allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(1));
		}
		finally {
			stop(server);
		}
	}

	@Test
	void aNodeStartsAgainOnOtherPortsFromItsFormattedLog() throws Exception {
		format(this.directory);
		int firstPort = freePort();
		KafkaRaftServer first = start(firstPort, freePort());
		try {
			send(firstPort, "orders", "kept");
		}
		finally {
			stop(first);
		}

		int secondPort = freePort();
		KafkaRaftServer second = start(secondPort, freePort());
		try {
			assertThat(readAll(secondPort, "orders")).containsExactly("kept");
		}
		finally {
			stop(second);
		}
	}

	private KafkaRaftServer start(int port, int controllerPort) {
		Properties properties = SingleNodeKafka.serverProperties(port, controllerPort, this.directory, 4);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		server.startup();
		return server;
	}

	private static void stop(KafkaRaftServer server) {
		server.shutdown();
		server.awaitShutdown();
	}

	private static void format(Path directory) throws Exception {
		new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(SingleNodeKafka.NODE_ID)
			.setClusterId(Uuid.randomUuid().toString())
			.setControllerListenerName(SingleNodeKafka.CONTROLLER_LISTENER)
			.setMetadataLogDirectory(directory.toAbsolutePath().toString())
			.addDirectory(directory.toAbsolutePath().toString())
			.run();
	}

	private static void send(int port, String topic, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SingleNodeKafka.bootstrapServers(port), ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "key", value)).get();
		}
	}

	private static List<String> readAll(int port, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SingleNodeKafka.bootstrapServers(port), ConsumerConfig.GROUP_ID_CONFIG, "readers",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(record.value());
				}
				return !values.isEmpty();
			});
		}
		return values;
	}

	private static TopicDescription describe(int port, String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", SingleNodeKafka.bootstrapServers(port)))) {
			return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

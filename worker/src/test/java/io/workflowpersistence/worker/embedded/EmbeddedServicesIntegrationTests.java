package io.workflowpersistence.worker.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.workflowpersistence.simulator.SimulatorTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL and Kafka broker, started and stopped as an embedded run does.
 */
class EmbeddedServicesIntegrationTests {

	@Test
	void servicesInATemporaryDirectoryLeaveNothingBehind() throws Exception {
		EmbeddedServices services = EmbeddedServices.start(null, 3);
		Path directory = services.directory();
		try {
			assertThat(services.isTemporary()).isTrue();
			assertThat(query(services, "SELECT current_user")).isEqualTo("postgres");
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", services.bootstrapServers()))) {
				assertThat(admin.describeTopics(SimulatorTopics.ALL).allTopicNames().get().values())
					.allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(3));
			}
			assertThat(postmasterOf(directory)).isNotEmpty();
		}
		finally {
			services.stop();
		}
		assertThat(directory).doesNotExist();
		assertThat(postmasterOf(directory)).isEmpty();
	}

	@Test
	void servicesInAGivenDirectoryKeepTheirDataAcrossRuns(@TempDir Path directory) throws Exception {
		EmbeddedServices first = EmbeddedServices.start(directory, 3);
		try {
			execute(first, "CREATE TABLE kept (id text)");
			execute(first, "INSERT INTO kept VALUES ('row-1')");
			send(first, "record-1");
		}
		finally {
			first.stop();
		}
		assertThat(directory.resolve("postgres")).isDirectory();

		EmbeddedServices second = EmbeddedServices.start(directory, 3);
		try {
			assertThat(second.isTemporary()).isFalse();
			assertThat(query(second, "SELECT id FROM kept")).isEqualTo("row-1");
			assertThat(readOne(second)).isEqualTo("record-1");
		}
		finally {
			second.stop();
		}
		assertThat(directory).isDirectory();
	}

	private static List<ProcessHandle> postmasterOf(Path directory) {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains(directory.toString()))
			.toList();
	}

	private static String query(EmbeddedServices services, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(services.jdbcUrl(), services.username(), "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static void execute(EmbeddedServices services, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(services.jdbcUrl(), services.username(), "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void send(EmbeddedServices services, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(SimulatorTopics.CATALOG, "key", value)).get();
		}
	}

	private static String readOne(EmbeddedServices services) {
		Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, services.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(SimulatorTopics.CATALOG));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
				if (!records.isEmpty()) {
					return new String(records.iterator().next().value().getBytes(StandardCharsets.UTF_8),
							StandardCharsets.UTF_8);
				}
			}
			return null;
		}
	}

}

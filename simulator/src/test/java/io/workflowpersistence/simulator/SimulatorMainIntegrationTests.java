package io.workflowpersistence.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator command and publisher against a real Kafka broker.
 */
class SimulatorMainIntegrationTests {

	private static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void commandCreatesTheTopicsAndPublishesTheRunInOrderPerKey() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<String> args = List.of("--bootstrap-servers", broker.getBrokersAsString(), "--rate", "0", "--instances",
				"40", "--seed", "7", "--start-time", "2026-11-24T08:00:00Z", "--partitions", "3");

		int code = SimulatorMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

		assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withSeed(7)
			.withInstances(40)
			.withStartTime(Instant.parse("2026-11-24T08:00:00Z"));
		Map<String, List<String>> expected = byTopicAndKey(new EngineSimulator(settings).records()
			.map((record) -> new Sent(record.topic(), record.key(), record.value()))
			.toList());
		Map<String, List<String>> published = byTopicAndKey(readAll());
		assertThat(published).isEqualTo(expected);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Created topics", "seed 7",
				"Published " + expected.values().stream().mapToInt(List::size).sum() + " events");
	}

	@Test
	void publisherKeepsToTheRate() throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
						SimulatorPublisher.producerSettings(broker.getBrokersAsString()))) {
			admin.createTopics(List.of(new NewTopic("paced", 1, (short) 1))).all().get();
			Iterator<ProducerRecord<byte[], byte[]>> records = new EngineSimulator(
					SimulatorSettings.defaults().withInstances(0))
				.records()
				.map((record) -> new ProducerRecord<>("paced", record.key(), record.value()))
				.iterator();
			SimulatorPublisher publisher = new SimulatorPublisher(producer, 100);
			long start = System.nanoTime();

			long sent = publisher.publish(records, 150);

			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(sent).isEqualTo(150);
			assertThat(publisher.published()).isEqualTo(150);
			assertThat(elapsed).isBetween(Duration.ofMillis(1400), Duration.ofMillis(3000));
		}
	}

	private static List<Sent> readAll() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<Sent> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : SimulatorTopics.ALL) {
				consumer.partitionsFor(topic)
					.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			assertThat(partitions).hasSize(3 * SimulatorTopics.ALL.size());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))
					&& System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					records.add(new Sent(record.topic(), record.key(), record.value()));
				}
			}
		}
		return records;
	}

	private static Map<String, List<String>> byTopicAndKey(List<Sent> records) {
		Map<String, List<String>> grouped = new HashMap<>();
		for (Sent record : records) {
			grouped
				.computeIfAbsent(record.topic() + "/" + new String(record.key(), StandardCharsets.UTF_8),
						(key) -> new ArrayList<>())
				.add(new String(record.value(), StandardCharsets.UTF_8));
		}
		return grouped;
	}

	private record Sent(String topic, byte[] key, byte[] value) {
	}

}

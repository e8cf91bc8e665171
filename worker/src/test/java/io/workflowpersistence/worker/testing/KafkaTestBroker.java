package io.workflowpersistence.worker.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.workflowpersistence.kafka.SingleNodeKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, in process) shared by all tests of a JVM, with the worker's
 * default topics and their dead-letter topics created.
 */
public final class KafkaTestBroker {

	public static final List<String> TOPICS = List.of("workflow.definitions", "workflow.instances",
			"workflow.activities", "workflow.bookmarks", "workflow.triggers", "workflow.catalog");

	public static final int PARTITIONS = 3;

	private static KafkaTestBroker shared;

	private final EmbeddedKafkaKraftBroker broker;

	private final KafkaProducer<byte[], byte[]> producer;

	private KafkaTestBroker() {
		List<String> topics = new ArrayList<>(TOPICS);
		TOPICS.forEach((topic) -> topics.add(topic + ".DLT"));
		this.broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, topics.toArray(String[]::new));
		Map<String, String> properties = new HashMap<>(SingleNodeKafka.singleReplica());
		properties.put("num.partitions", String.valueOf(PARTITIONS));
		this.broker.brokerProperties(properties);
		this.broker.afterPropertiesSet();
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.LINGER_MS_CONFIG, 5,
						// One request in flight: on a topic created by the first send,
						// Kafka may
						// otherwise reorder and lose idempotent batches (KAFKA-15591).
						ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
				new ByteArraySerializer(), new ByteArraySerializer());
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			this.producer.close(Duration.ofSeconds(2));
			this.broker.destroy();
		}));
	}

	/**
	 * The broker of this JVM, started on first use.
	 */
	public static synchronized KafkaTestBroker shared() {
		if (shared == null) {
			shared = new KafkaTestBroker();
		}
		return shared;
	}

	/**
	 * A producer that writes in Kafka transactions, whose commit markers take offsets of
	 * their own; the caller closes it.
	 */
	public KafkaProducer<byte[], byte[]> transactionalProducer(String transactionalId) {
		KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
				new ByteArraySerializer(), new ByteArraySerializer());
		producer.initTransactions();
		return producer;
	}

	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	/**
	 * Sends the records and waits until the broker has acknowledged all of them.
	 */
	public void send(List<ProducerRecord<byte[], byte[]>> records) {
		List<java.util.concurrent.Future<?>> sent = new ArrayList<>(records.size());
		records.forEach((record) -> sent.add(this.producer.send(record)));
		try {
			for (java.util.concurrent.Future<?> future : sent) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not send test records", ex);
		}
	}

	public void send(ProducerRecord<byte[], byte[]> record) {
		send(List.of(record));
	}

	/**
	 * Every record of a topic from its beginning to its current end.
	 */
	public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Timed out reading " + topic);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

}

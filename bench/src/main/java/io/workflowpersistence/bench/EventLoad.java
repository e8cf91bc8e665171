package io.workflowpersistence.bench;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.EventCounts;
import io.workflowpersistence.simulator.SimulatorPublisher;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.simulator.SimulatorTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The events every measurement works on: a simulated engine's run published once, as fast
 * as the broker takes them, to the contract's topics.
 *
 * @param events the records published
 * @param bytes their keys and values, in bytes
 * @param seconds the time publishing took
 * @param counts what the simulator produced, by type, with re-sends and reordered ones
 * @param endOffsets the end offset of every partition afterwards
 */
record EventLoad(long events, long bytes, double seconds, EventCounts counts, Map<TopicPartition, Long> endOffsets) {

	static final int PARTITIONS = 3;

	/**
	 * Creates the topics and publishes {@code events} records of the simulated run.
	 */
	static EventLoad publish(KafkaServer kafka, SimulatorSettings settings, long events) {
		try (Admin admin = kafka.admin()) {
			SimulatorTopics.createMissing(admin, PARTITIONS);
		}
		EngineSimulator simulator = new EngineSimulator(settings);
		long[] bytes = new long[1];
		Iterator<ProducerRecord<byte[], byte[]>> generated = simulator.iterator();
		Iterator<ProducerRecord<byte[], byte[]>> counted = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return generated.hasNext();
			}

			@Override
			public ProducerRecord<byte[], byte[]> next() {
				ProducerRecord<byte[], byte[]> record = generated.next();
				bytes[0] += record.key().length + record.value().length;
				return record;
			}

		};
		long started = System.nanoTime();
		long sent;
		try (Producer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings(kafka.bootstrapServers()))) {
			sent = new SimulatorPublisher(producer, 0).publish(counted, events);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<TopicPartition, Long> ends = endOffsets(kafka, SimulatorTopics.ALL);
		long total = ends.values().stream().mapToLong(Long::longValue).sum();
		if (total != sent) {
			throw new IllegalStateException("Published " + sent + " records but the topics hold " + total);
		}
		return new EventLoad(sent, bytes[0], seconds, simulator.counts(), ends);
	}

	/**
	 * The simulator's settings with larger batches, for loading as fast as possible.
	 */
	static Map<String, Object> producerSettings(String bootstrapServers) {
		Map<String, Object> settings = new HashMap<>(SimulatorPublisher.producerSettings(bootstrapServers));
		settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		settings.put(ProducerConfig.LINGER_MS_CONFIG, 10);
		return settings;
	}

	/**
	 * The end offset of every partition of the topics.
	 */
	static Map<TopicPartition, Long> endOffsets(KafkaServer kafka, List<String> topics) {
		try (Admin admin = kafka.admin()) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(topics)
				.allTopicNames()
				.get(60, TimeUnit.SECONDS)
				.forEach((topic, description) -> description.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(topic, partition.partition()),
							OffsetSpec.latest())));
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin.listOffsets(latest)
				.all()
				.get(60, TimeUnit.SECONDS)
				.forEach((partition, info) -> ends.put(partition, info.offset()));
			return ends;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot read the end offsets of " + topics, ex);
		}
	}

	double averageRecordBytes() {
		return (double) this.bytes / this.events;
	}

}

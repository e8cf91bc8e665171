package io.workflowpersistence.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.workflowpersistence.events.EventParser;
import io.workflowpersistence.events.ParseOutcome;
import io.workflowpersistence.events.WorkflowEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The pre-loaded events again, one record for each, in the shape the peer reads: the
 * CloudEvents are parsed once, untimed, and written to one topic per table, keyed by the
 * row's id, in the order they were read from each partition. Re-sends stay re-sends and
 * late versions stay late; a delete becomes a Kafka tombstone.
 *
 * @param records the records written
 * @param skipped the records that carried no valid event (none are expected)
 * @param seconds how long the conversion took
 */
record PeerTopics(long records, long skipped, double seconds) {

	static List<String> topics() {
		return List.copyOf(PeerRecords.TABLES.values());
	}

	/**
	 * Converts every record of the pre-loaded partitions.
	 */
	static PeerTopics convert(KafkaServer kafka, Map<TopicPartition, Long> endOffsets) throws Exception {
		try (Admin admin = kafka.admin()) {
			admin
				.createTopics(topics().stream()
					.map((topic) -> new NewTopic(topic, Optional.of(EventLoad.PARTITIONS), Optional.empty()))
					.toList())
				.all()
				.get(60, TimeUnit.SECONDS);
		}
		EventParser parser = new EventParser();
		PeerRecords shapes = new PeerRecords();
		long started = System.nanoTime();
		long total = endOffsets.values().stream().mapToLong(Long::longValue).sum();
		long read = 0;
		long written = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka.bootstrapServers());
				Producer<byte[], byte[]> producer = new KafkaProducer<>(
						EventLoad.producerSettings(kafka.bootstrapServers()))) {
			List<TopicPartition> partitions = List.copyOf(endOffsets.keySet());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
			while (read < total) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Read only " + read + " of " + total + " records in 30 minutes");
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					read++;
					if (parser.parse(record.value(), record.headers()) instanceof ParseOutcome.Accepted accepted) {
						WorkflowEvent event = accepted.event();
						producer.send(
								new ProducerRecord<>(PeerRecords.topic(event), shapes.key(event), shapes.value(event)));
						written++;
					}
				}
			}
			producer.flush();
		}
		return new PeerTopics(written, total - written, (System.nanoTime() - started) / 1e9);
	}

	private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
		Map<String, Object> settings = new HashMap<>();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-peer-convert-" + UUID.randomUUID());
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

}

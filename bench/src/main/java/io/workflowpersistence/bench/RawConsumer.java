package io.workflowpersistence.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The physical limit on the reading side: a bare consumer with the worker's consumer
 * settings (byte arrays, 2,000 records a poll, read-committed) reading every pre-loaded
 * record and touching its bytes, and nothing else.
 */
final class RawConsumer {

	private RawConsumer() {
	}

	/**
	 * Reads every partition from its beginning to its end offset.
	 */
	static Result read(String bootstrapServers, Map<TopicPartition, Long> endOffsets) {
		Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = List.copyOf(endOffsets.keySet());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long total = endOffsets.values().stream().mapToLong(Long::longValue).sum();
			long records = 0;
			long bytes = 0;
			long checksum = 0;
			long started = System.nanoTime();
			long deadline = started + Duration.ofMinutes(30).toNanos();
			while (records < total) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					records++;
					bytes += record.serializedKeySize() + record.serializedValueSize();
					checksum += record.value()[record.value().length / 2];
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Read only " + records + " of " + total + " records in 30 minutes");
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			return new Result(records, bytes, seconds, checksum);
		}
	}

	/**
	 * One read of the topics.
	 *
	 * @param records the records read
	 * @param bytes their keys and values
	 * @param seconds from the first poll to the last record
	 * @param checksum a sum over the bytes read, so that reading them cannot be skipped
	 */
	record Result(long records, long bytes, double seconds, long checksum) {

		double rate() {
			return this.records / this.seconds;
		}

	}

}

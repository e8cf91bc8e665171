package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The dead letters already in the dead-letter topics, by the record they came from, so
 * that a rebuild, reading again the records live ingestion rejected, does not publish
 * them a second time.
 */
final class DeadLetterIndex {

	private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

	private final Map<DeadLetterOrigin, RecordMetadata> deadLetters;

	private DeadLetterIndex(Map<DeadLetterOrigin, RecordMetadata> deadLetters) {
		this.deadLetters = deadLetters;
	}

	/**
	 * Reads the dead-letter topics from their beginning to their current end.
	 */
	static DeadLetterIndex read(Consumer<byte[], byte[]> consumer, List<String> deadLetterTopics) {
		Map<DeadLetterOrigin, RecordMetadata> deadLetters = new ConcurrentHashMap<>();
		try (TopicOffsets offsets = new TopicOffsets(consumer)) {
			List<TopicPartition> partitions = offsets.partitions(deadLetterTopics);
			Map<TopicPartition, Long> ends = offsets.ends(partitions);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
					DeadLetterOrigin.of(record.headers())
						.ifPresent((origin) -> deadLetters.put(origin,
								new RecordMetadata(new TopicPartition(record.topic(), record.partition()),
										record.offset(), 0, record.timestamp(), 0, 0)));
				}
			}
		}
		return new DeadLetterIndex(deadLetters);
	}

	RecordMetadata find(DeadLetterOrigin origin) {
		return this.deadLetters.get(origin);
	}

	/**
	 * Records a dead letter published meanwhile, so that a batch applied again after a
	 * failure does not publish it twice.
	 */
	void add(DeadLetterOrigin origin, RecordMetadata deadLetter) {
		this.deadLetters.put(origin, deadLetter);
	}

	int size() {
		return this.deadLetters.size();
	}

}

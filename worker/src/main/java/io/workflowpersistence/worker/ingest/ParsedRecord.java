package io.workflowpersistence.worker.ingest;

import java.util.Map;

import io.workflowpersistence.events.ParseOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumed record and what the parser made of it.
 */
record ParsedRecord(ConsumerRecord<byte[], byte[]> record, ParseOutcome outcome) {

	TopicPartition partition() {
		return new TopicPartition(this.record.topic(), this.record.partition());
	}

	/**
	 * Whether the database does not reflect this record yet.
	 */
	boolean isAtOrAfter(Map<TopicPartition, Long> positions) {
		return this.record.offset() >= positions.getOrDefault(partition(), 0L);
	}

}

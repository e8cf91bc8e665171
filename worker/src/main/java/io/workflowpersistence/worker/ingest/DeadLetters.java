package io.workflowpersistence.worker.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes rejected records to {@code <topic>.DLT} with their original key, value and
 * headers, plus the {@code kafka_dlt-*} headers that say where they came from and why
 * they were rejected (docs/contract.md, rule 7). Publishing waits for the broker's
 * acknowledgement, so a record is never dropped silently.
 */
class DeadLetters {

	private final DeadLetterPublishingRecoverer recoverer;

	DeadLetters(KafkaOperations<byte[], byte[]> template, IngestProperties properties) {
		// Partition -1: the producer picks one by key, as a dead-letter topic may have
		// fewer partitions than its source.
		this.recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + properties.deadLetterSuffix(), -1));
		this.recoverer.setFailIfSendResultIsError(true);
	}

	void publish(ConsumerRecord<byte[], byte[]> record, String reason) {
		this.recoverer.accept(record, new RejectedRecordException(record, reason));
	}

}

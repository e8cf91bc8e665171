package io.workflowpersistence.worker.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Why a record was not applied; its message becomes the dead letter's
 * {@code kafka_dlt-exception-message} header.
 */
class RejectedRecordException extends RuntimeException {

	RejectedRecordException(ConsumerRecord<?, ?> record, String reason) {
		super(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + reason, null, false, false);
	}

}

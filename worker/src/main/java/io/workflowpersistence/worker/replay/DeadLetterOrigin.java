package io.workflowpersistence.worker.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Where a dead letter came from, as its {@code kafka_dlt-original-*} headers say (the
 * last of each, when a record was dead-lettered more than once).
 *
 * @param topic the original topic
 * @param partition the original partition
 * @param offset the original offset
 */
record DeadLetterOrigin(String topic, int partition, long offset) {

	static Optional<DeadLetterOrigin> of(Headers headers) {
		Header topic = headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
		Header partition = headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
		Header offset = headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
		if (topic == null || partition == null || offset == null) {
			return Optional.empty();
		}
		return Optional.of(new DeadLetterOrigin(new String(topic.value(), StandardCharsets.UTF_8),
				(int) number(partition.value()), number(offset.value())));
	}

	static String reason(Headers headers) {
		Header reason = headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		return (reason != null) ? new String(reason.value(), StandardCharsets.UTF_8) : "no reason recorded";
	}

	// Spring Kafka writes them as big-endian binary numbers; other tools as text.
	private static long number(byte[] value) {
		if (value.length == Integer.BYTES) {
			return ByteBuffer.wrap(value).getInt();
		}
		if (value.length == Long.BYTES) {
			return ByteBuffer.wrap(value).getLong();
		}
		return Long.parseLong(new String(value, StandardCharsets.UTF_8).trim());
	}

	@Override
	public String toString() {
		return this.topic + "-" + this.partition + "@" + this.offset;
	}

}

package io.workflowpersistence.worker.replay;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * The template a rebuild publishes dead letters through: a dead letter of a record the
 * dead-letter topic already holds one of is answered with that one instead of being
 * published again, so rebuilding never multiplies dead letters; any other is published.
 */
final class KnownDeadLetterTemplate extends KafkaTemplate<byte[], byte[]> {

	private final DeadLetterIndex index;

	private final AtomicLong known = new AtomicLong();

	private final AtomicLong published = new AtomicLong();

	KnownDeadLetterTemplate(ProducerFactory<byte[], byte[]> producers, DeadLetterIndex index) {
		super(producers);
		this.index = index;
	}

	@Override
	public CompletableFuture<SendResult<byte[], byte[]>> send(ProducerRecord<byte[], byte[]> record) {
		DeadLetterOrigin origin = DeadLetterOrigin.of(record.headers()).orElse(null);
		RecordMetadata existing = (origin != null) ? this.index.find(origin) : null;
		if (existing != null) {
			this.known.incrementAndGet();
			return CompletableFuture.completedFuture(new SendResult<>(record, existing));
		}
		this.published.incrementAndGet();
		return super.send(record).thenApply((sent) -> {
			if (origin != null) {
				this.index.add(origin, sent.getRecordMetadata());
			}
			return sent;
		});
	}

	/**
	 * Dead letters the topics already held.
	 */
	long known() {
		return this.known.get();
	}

	/**
	 * Dead letters published by the rebuild.
	 */
	long published() {
		return this.published.get();
	}

}

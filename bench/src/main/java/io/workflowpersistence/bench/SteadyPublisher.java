package io.workflowpersistence.bench;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Publishes records at a steady rate, open loop (on schedule whatever the consumer does),
 * and remembers when each one was handed to the producer, by partition and offset.
 */
final class SteadyPublisher {

	private final Producer<byte[], byte[]> producer;

	private final double rate;

	private final Map<TopicPartition, SendTimes> sent = new ConcurrentHashMap<>();

	private final AtomicReference<Exception> failure = new AtomicReference<>();

	SteadyPublisher(Producer<byte[], byte[]> producer, double rate) {
		this.producer = producer;
		this.rate = rate;
	}

	/**
	 * Sends records for the given time, each to the topic {@code route} names.
	 * @return the number of records sent
	 */
	long publish(Iterator<ProducerRecord<byte[], byte[]>> records, UnaryOperator<String> route, long nanos) {
		long started = System.nanoTime();
		long count = 0;
		while (System.nanoTime() - started < nanos && records.hasNext()) {
			long due = started + (long) (count * 1e9 / this.rate);
			long wait = due - System.nanoTime();
			if (wait > 1_000_000) {
				WorkerJar.sleep(wait / 1_000_000);
			}
			ProducerRecord<byte[], byte[]> record = records.next();
			ProducerRecord<byte[], byte[]> routed = new ProducerRecord<>(route.apply(record.topic()), null, null,
					record.key(), record.value(), record.headers());
			long sentAt = System.nanoTime();
			this.producer.send(routed, (metadata, exception) -> {
				if (exception != null) {
					this.failure.compareAndSet(null, exception);
				}
				else {
					this.sent
						.computeIfAbsent(new TopicPartition(metadata.topic(), metadata.partition()),
								(partition) -> new SendTimes())
						.put(metadata.offset(), sentAt);
				}
			});
			count++;
		}
		this.producer.flush();
		if (this.failure.get() != null) {
			throw new IllegalStateException("A send failed", this.failure.get());
		}
		return count;
	}

	/**
	 * When the record at the offset was handed to the producer
	 * ({@link System#nanoTime()}), or 0 if it was not sent by this publisher.
	 */
	long sentAt(TopicPartition partition, long offset) {
		SendTimes times = this.sent.get(partition);
		return (times != null) ? times.get(offset) : 0;
	}

	/**
	 * Send times indexed by offset.
	 */
	private static final class SendTimes {

		private long[] times = new long[1024];

		synchronized void put(long offset, long nanos) {
			if (offset >= this.times.length) {
				this.times = Arrays.copyOf(this.times, (int) Math.max(offset + 1, this.times.length * 2L));
			}
			this.times[(int) offset] = nanos;
		}

		synchronized long get(long offset) {
			return (offset < this.times.length) ? this.times[(int) offset] : 0;
		}

	}

}

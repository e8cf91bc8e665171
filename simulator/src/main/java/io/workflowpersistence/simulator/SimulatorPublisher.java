package io.workflowpersistence.simulator;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends simulated records to Kafka at a steady rate, in order, until the records run out,
 * a limit is reached or the publishing thread is interrupted. A failed send stops it with
 * an exception.
 */
public final class SimulatorPublisher {

	private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final long LEEWAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final Producer<byte[], byte[]> producer;

	private final double rate;

	private final AtomicLong published = new AtomicLong();

	private final AtomicReference<Exception> failure = new AtomicReference<>();

	/**
	 * A publisher through the given producer.
	 * @param producer the producer; the caller closes it
	 * @param rate records per second; {@code 0} sends as fast as the producer takes them
	 */
	public SimulatorPublisher(Producer<byte[], byte[]> producer, double rate) {
		if (!(rate >= 0) || Double.isInfinite(rate)) {
			throw new IllegalArgumentException("rate must be 0 (as fast as possible) or more but was " + rate);
		}
		this.producer = producer;
		this.rate = rate;
	}

	/**
	 * The settings of a producer for the simulator: byte-array records, acknowledged by
	 * all in-sync replicas, idempotent so that retries neither duplicate nor reorder.
	 * @param bootstrapServers the brokers to connect to
	 * @return the producer settings
	 */
	public static Map<String, Object> producerSettings(String bootstrapServers) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
	}

	/**
	 * Sends records until they run out, {@code limit} have been sent, or the thread is
	 * interrupted (the interrupt stays set); then waits until the sent ones are
	 * acknowledged.
	 * @param records the records to send
	 * @param limit the most records to send; {@code 0} for no limit
	 * @return the number of records sent by this call
	 * @throws IllegalStateException when a send failed
	 */
	public long publish(Iterator<ProducerRecord<byte[], byte[]>> records, long limit) {
		long start = System.nanoTime();
		long sent = 0;
		while (records.hasNext() && (limit == 0 || sent < limit) && !Thread.currentThread().isInterrupted()) {
			checkNoFailure();
			if (!awaitTurn(start, sent)) {
				break;
			}
			this.producer.send(records.next(), (metadata, exception) -> {
				if (exception != null) {
					this.failure.compareAndSet(null, exception);
				}
				else {
					this.published.incrementAndGet();
				}
			});
			sent++;
		}
		// Flushing waits, which an interrupt would cut short.
		boolean interrupted = Thread.interrupted();
		try {
			this.producer.flush();
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		checkNoFailure();
		return sent;
	}

	/**
	 * The records acknowledged by the broker so far.
	 */
	public long published() {
		return this.published.get();
	}

	/**
	 * Waits until the record after {@code sent} is due; false when interrupted.
	 */
	private boolean awaitTurn(long start, long sent) {
		if (this.rate == 0) {
			return true;
		}
		long due = start + (long) (sent * (NANOS_PER_SECOND / this.rate));
		long wait = due - System.nanoTime();
		if (wait > LEEWAY_NANOS) {
			try {
				Thread.sleep(Duration.ofNanos(wait).toMillis(), (int) (wait % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	private void checkNoFailure() {
		Exception exception = this.failure.get();
		if (exception != null) {
			throw new IllegalStateException("Could not publish a simulated event: " + exception.getMessage(),
					exception);
		}
	}

}

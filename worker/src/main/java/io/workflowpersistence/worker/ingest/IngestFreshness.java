package io.workflowpersistence.worker.ingest;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How old what the read API shows is, per assigned partition, as the gauge
 * {@code workflow_ingest_freshness_seconds{topic,partition}}: while the partition has
 * records the database does not reflect yet, the age of the Kafka timestamp of the newest
 * record of the last batch committed to the database; zero when caught up.
 * <p>
 * Caught up means the consumer's lag after that batch was zero: the lag Kafka's consumer
 * keeps from the high watermark of its last fetch ({@link Consumer#currentLag}), so no
 * request is made for it. A batch that fails (the database unreachable) marks its
 * partitions as lagging, since they hold records that are not applied.
 */
@Component
class IngestFreshness {

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<TopicPartition, State> partitions = new ConcurrentHashMap<>();

	@Autowired
	IngestFreshness(MeterRegistry registry) {
		this(registry, Clock.systemUTC());
	}

	IngestFreshness(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * Records a batch whose transaction committed, from the consumer that polled it.
	 */
	void committed(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
		newestPerPartition(records).forEach((partition, newest) -> {
			OptionalLong lag = consumer.currentLag(partition);
			// An unknown lag (no fetch answered yet) is not taken for caught up.
			state(partition).update(newest.timestamp(), lag.isEmpty() || lag.getAsLong() > 0);
		});
	}

	/**
	 * Records a batch that was not applied: its partitions lag behind.
	 */
	void notApplied(List<ConsumerRecord<byte[], byte[]>> records) {
		newestPerPartition(records).keySet().forEach((partition) -> state(partition).lagging = true);
	}

	/**
	 * Forgets partitions this worker no longer consumes; another reports them.
	 */
	void unassigned(Collection<TopicPartition> unassigned) {
		for (TopicPartition partition : unassigned) {
			State state = this.partitions.remove(partition);
			if (state != null) {
				this.registry.remove(state.gauge);
			}
		}
	}

	private State state(TopicPartition partition) {
		return this.partitions.computeIfAbsent(partition, (key) -> {
			State state = new State();
			state.gauge = Gauge.builder("workflow.ingest.freshness", state, State::seconds)
				.description("Age of the newest record applied while records wait to be applied, 0 when caught up")
				.baseUnit("seconds")
				.tag("topic", key.topic())
				.tag("partition", Integer.toString(key.partition()))
				.strongReference(true)
				.register(this.registry);
			return state;
		});
	}

	private static Map<TopicPartition, ConsumerRecord<?, ?>> newestPerPartition(
			List<ConsumerRecord<byte[], byte[]>> records) {
		Map<TopicPartition, ConsumerRecord<?, ?>> newest = new HashMap<>();
		for (ConsumerRecord<?, ?> record : records) {
			newest.merge(new TopicPartition(record.topic(), record.partition()), record,
					(a, b) -> (a.offset() >= b.offset()) ? a : b);
		}
		return newest;
	}

	private final class State {

		private volatile long newestTimestamp = -1;

		private volatile boolean lagging;

		private Gauge gauge;

		void update(long timestamp, boolean lagging) {
			this.newestTimestamp = timestamp;
			this.lagging = lagging;
		}

		double seconds() {
			if (!this.lagging || this.newestTimestamp < 0) {
				return 0;
			}
			return Math.max(0, IngestFreshness.this.clock.millis() - this.newestTimestamp) / 1000.0;
		}

	}

}

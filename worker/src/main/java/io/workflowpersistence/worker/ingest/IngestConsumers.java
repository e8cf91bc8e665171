package io.workflowpersistence.worker.ingest;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The consumer threads of this worker and the partitions each holds, as the gauge
 * {@code workflow_ingest_consumers{state="busy"|"idle"}}: with the range assignor, a
 * group with more consumer threads than the topics have partitions leaves some threads
 * without partitions, doing nothing (docs/operations/scaling.md).
 * <p>
 * Each thread's set is kept from the rebalance callbacks, adding what is assigned and
 * removing what is revoked or lost, which is right for eager rebalancing (revoke all,
 * assign all) and cooperative rebalancing (only what moves) alike. A thread counts from
 * its first assignment until it ends: a stopped consumer's thread is forgotten.
 */
@Component
class IngestConsumers {

	/**
	 * Why a consumer thread holds no partitions, and what to do about it.
	 */
	static final String WHY_IDLE = "the topics have fewer partitions than the consumer group has consumer threads;"
			+ " add partitions: each topic needs at least workers × spring.kafka.listener.concurrency"
			+ " (docs/operations/scaling.md)";

	private static final Logger logger = LoggerFactory.getLogger(IngestConsumers.class);

	private final Map<Thread, Set<TopicPartition>> held = new ConcurrentHashMap<>();

	private final AtomicInteger warnedGeneration = new AtomicInteger(-1);

	IngestConsumers(MeterRegistry registry) {
		gauge(registry, "busy", IngestConsumers::busy);
		gauge(registry, "idle", IngestConsumers::idle);
	}

	/**
	 * Records partitions assigned to a consumer thread at the end of the rebalance of the
	 * given generation; warns, once per rebalance, when the thread then holds none.
	 */
	void assigned(Thread consumer, int generation, Collection<TopicPartition> partitions) {
		Set<TopicPartition> partitionsHeld = this.held.computeIfAbsent(consumer,
				(thread) -> ConcurrentHashMap.newKeySet());
		partitionsHeld.addAll(partitions);
		// Every idle thread of the rebalance ends up here; one line is enough.
		if (partitionsHeld.isEmpty() && this.warnedGeneration.getAndSet(generation) != generation) {
			logger.warn(
					"Consumer thread {} holds no partitions after the rebalance of generation {} and does nothing: {}",
					consumer.getName(), generation, WHY_IDLE);
		}
	}

	/**
	 * Records partitions a consumer thread no longer holds, revoked or lost.
	 */
	void unassigned(Thread consumer, Collection<TopicPartition> partitions) {
		Set<TopicPartition> partitionsHeld = this.held.get(consumer);
		if (partitionsHeld != null) {
			partitionsHeld.removeAll(partitions);
		}
	}

	/**
	 * The consumer threads that have joined the group and are running.
	 */
	int threads() {
		forgetEndedThreads();
		return this.held.size();
	}

	/**
	 * The running consumer threads that hold no partitions.
	 */
	int idle() {
		return count(Set::isEmpty);
	}

	/**
	 * The running consumer threads that hold partitions.
	 */
	int busy() {
		return count((partitions) -> !partitions.isEmpty());
	}

	private int count(Predicate<Set<TopicPartition>> matching) {
		forgetEndedThreads();
		return (int) this.held.values().stream().filter(matching).count();
	}

	private void forgetEndedThreads() {
		this.held.keySet().removeIf((thread) -> !thread.isAlive());
	}

	private void gauge(MeterRegistry registry, String state, ToDoubleFunction<IngestConsumers> count) {
		Gauge.builder("workflow.ingest.consumers", this, count)
			.description("Consumer threads of this worker: busy hold partitions, idle hold none"
					+ " (the topics have fewer partitions than the group has consumer threads)")
			.tag("state", state)
			.register(registry);
	}

}

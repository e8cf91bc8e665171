package io.workflowpersistence.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The running counts behind {@link EventCounts}; safe to read while a stream is being
 * consumed on another thread.
 */
final class Counters {

	private final Map<String, LongAdder> byType = new ConcurrentHashMap<>();

	private final LongAdder duplicates = new LongAdder();

	private final LongAdder outOfOrder = new LongAdder();

	private final LongAdder binary = new LongAdder();

	void record(String type, boolean binary) {
		this.byType.computeIfAbsent(type, (key) -> new LongAdder()).increment();
		if (binary) {
			this.binary.increment();
		}
	}

	void duplicate() {
		this.duplicates.increment();
	}

	void outOfOrder() {
		this.outOfOrder.increment();
	}

	EventCounts snapshot() {
		Map<String, Long> types = new TreeMap<>();
		this.byType.forEach((type, count) -> types.put(type, count.sum()));
		long total = types.values().stream().mapToLong(Long::longValue).sum();
		return new EventCounts(types, total, this.duplicates.sum(), this.outOfOrder.sum(), this.binary.sum());
	}

}

package io.workflowpersistence.worker.retention;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.workflowpersistence.worker.retention.RetentionPolicy.Reason;

/**
 * What one sweep removed: instances, activity records and bookmarks, each by the rule
 * that expired the instance.
 */
final class SweepResult {

	private final Map<Reason, Long> instances = new EnumMap<>(Reason.class);

	private final Map<Reason, Long> activityRecords = new EnumMap<>(Reason.class);

	private final Map<Reason, Long> bookmarks = new EnumMap<>(Reason.class);

	private int chunks;

	void instance(Reason reason) {
		this.instances.merge(reason, 1L, Long::sum);
	}

	void activityRecord(Reason reason) {
		this.activityRecords.merge(reason, 1L, Long::sum);
	}

	void bookmark(Reason reason) {
		this.bookmarks.merge(reason, 1L, Long::sum);
	}

	void chunk() {
		this.chunks++;
	}

	long instances() {
		return sum(this.instances);
	}

	long activityRecords() {
		return sum(this.activityRecords);
	}

	long bookmarks() {
		return sum(this.bookmarks);
	}

	int chunks() {
		return this.chunks;
	}

	Map<Reason, Long> instancesByReason() {
		return Map.copyOf(this.instances);
	}

	Map<Reason, Long> activityRecordsByReason() {
		return Map.copyOf(this.activityRecords);
	}

	Map<Reason, Long> bookmarksByReason() {
		return Map.copyOf(this.bookmarks);
	}

	/**
	 * The instances removed by reason, e.g. {@code default=2, status=1}.
	 */
	String describeByReason() {
		return this.instances.entrySet()
			.stream()
			.map((entry) -> entry.getKey().tag() + "=" + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	private static long sum(Map<Reason, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

}

package io.workflowpersistence.worker.retention;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sweep would remove now: instances by definition and status, and the activity
 * records and bookmarks they hold.
 */
final class SweepPreview {

	private final Map<String, Map<String, Long>> instances = new TreeMap<>();

	private long activityRecords;

	private long bookmarks;

	void instance(String definitionId, String status) {
		this.instances.computeIfAbsent(definitionId, (definition) -> new TreeMap<>()).merge(status, 1L, Long::sum);
	}

	void children(long activityRecords, long bookmarks) {
		this.activityRecords += activityRecords;
		this.bookmarks += bookmarks;
	}

	long instances() {
		return this.instances.values()
			.stream()
			.flatMap((byStatus) -> byStatus.values().stream())
			.mapToLong(Long::longValue)
			.sum();
	}

	long activityRecords() {
		return this.activityRecords;
	}

	long bookmarks() {
		return this.bookmarks;
	}

	Map<String, Map<String, Long>> byDefinitionAndStatus() {
		return this.instances;
	}

	void print(PrintWriter out) {
		out.printf("A sweep now would remove %,d instances, %,d activity records and %,d bookmarks.%n", instances(),
				this.activityRecords, this.bookmarks);
		if (this.instances.isEmpty()) {
			return;
		}
		int width = Math.max("definition".length(),
				this.instances.keySet().stream().mapToInt(String::length).max().orElse(0));
		out.printf("%-" + width + "s  %-12s %12s%n", "definition", "status", "instances");
		this.instances.forEach((definition, byStatus) -> byStatus
			.forEach((status, count) -> out.printf("%-" + width + "s  %-12s %,12d%n", definition, status, count)));
	}

}

package io.workflowpersistence.simulator;

import java.util.Map;

/**
 * How many records a simulator has produced, by CloudEvents type, and how many of them
 * were re-sends, delivered after a newer version of their entity, or in binary mode.
 *
 * @param byType the records of each type, re-sends included
 * @param total all records
 * @param duplicates the re-sends of a record produced before
 * @param outOfOrder the records delivered after a newer version of their entity
 * @param binary the records in binary content mode (re-sends included)
 */
public record EventCounts(Map<String, Long> byType, long total, long duplicates, long outOfOrder, long binary) {

	public EventCounts {
		byType = Map.copyOf(byType);
	}

	/**
	 * The records of one type, e.g. {@code workflow.instance.upserted}.
	 */
	public long of(String type) {
		return this.byType.getOrDefault(type, 0L);
	}

}

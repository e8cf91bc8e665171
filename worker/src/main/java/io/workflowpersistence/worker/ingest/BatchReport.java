package io.workflowpersistence.worker.ingest;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.ParseOutcome;

/**
 * What became of the records of one batch, by event type: applied, stale (older than or
 * equal to what the database holds, or superseded within the batch), dead-lettered; and
 * the Kafka tombstones skipped.
 */
final class BatchReport {

	private final Map<EntityType, Integer> applied;

	private final Map<EntityType, Integer> accepted = new EnumMap<>(EntityType.class);

	private final Map<String, Integer> deadLettered = new HashMap<>();

	private int tombstones;

	BatchReport(Map<EntityType, Integer> applied) {
		this.applied = applied;
	}

	void count(ParsedRecord record, String rejection) {
		if (record.outcome() instanceof ParseOutcome.Tombstone) {
			this.tombstones++;
		}
		else if (rejection != null) {
			this.deadLettered.merge(typeOf(record.outcome()), 1, Integer::sum);
		}
		else if (record.outcome() instanceof ParseOutcome.Accepted accepted) {
			this.accepted.merge(accepted.event().entityType(), 1, Integer::sum);
		}
	}

	void publish(IngestMetrics metrics) {
		metrics.tombstones(this.tombstones);
		this.deadLettered.forEach(metrics::deadLettered);
		this.accepted.forEach((type, count) -> {
			int written = this.applied.getOrDefault(type, 0);
			metrics.applied(type.prefix(), written);
			metrics.stale(type.prefix(), count - written);
		});
	}

	private static String typeOf(ParseOutcome outcome) {
		if (outcome instanceof ParseOutcome.Accepted accepted) {
			return accepted.event().entityType().prefix();
		}
		return IngestMetrics.UNKNOWN_TYPE;
	}

	@Override
	public String toString() {
		return "applied=" + this.applied + ", accepted=" + this.accepted + ", deadLettered=" + this.deadLettered
				+ ", tombstones=" + this.tombstones;
	}

}

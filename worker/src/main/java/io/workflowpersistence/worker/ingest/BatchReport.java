package io.workflowpersistence.worker.ingest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.ParseOutcome;

/**
 * Counts what became of the records of one batch while it is applied, by event type:
 * applied, stale (older than or equal to what the database holds, or superseded within
 * the batch), dead-lettered; and the Kafka tombstones skipped.
 */
final class BatchReport {

	private final Map<EntityType, Integer> applied;

	private final Map<EntityType, Integer> accepted = new EnumMap<>(EntityType.class);

	private final Map<String, Integer> deadLettered = new HashMap<>();

	private final int alreadyApplied;

	private int tombstones;

	BatchReport(Map<EntityType, Integer> applied, int alreadyApplied) {
		this.applied = applied;
		this.alreadyApplied = alreadyApplied;
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

	/**
	 * The outcome of the committed batch.
	 * @param records the records of the batch
	 * @param took the time the batch took to apply
	 */
	BatchOutcome outcome(int records, Duration took) {
		Map<String, Integer> written = new HashMap<>();
		Map<String, Integer> stale = new HashMap<>();
		this.accepted.forEach((type, count) -> {
			int applied = this.applied.getOrDefault(type, 0);
			written.put(type.prefix(), applied);
			stale.put(type.prefix(), count - applied);
		});
		return new BatchOutcome(records, took, Map.of(), Map.copyOf(written), Map.copyOf(stale),
				Map.copyOf(this.deadLettered), new BatchOutcome.Skipped(this.tombstones, this.alreadyApplied));
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
				+ ", tombstones=" + this.tombstones + ", alreadyApplied=" + this.alreadyApplied;
	}

}

package io.workflowpersistence.worker.ingest;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * What became of the records of one batch, by event type, or, when the database reflected
 * an earlier position than the batch starts at, where to read again: the value live
 * ingestion's metrics and the rebuild's summary both read.
 *
 * @param records the records of the batch
 * @param took the time the batch took to apply, transaction included
 * @param rewind where to seek back to; empty when the batch was applied
 * @param applied per event type, events that changed the database
 * @param stale per event type, events older than or equal to what the database held, or
 * superseded within the batch
 * @param deadLettered per event type ({@value IngestMetrics#UNKNOWN_TYPE} when it is not
 * known), records rejected and sent to the dead-letter topic
 * @param skipped records without a value (Kafka tombstones), and records the database
 * already reflected
 */
public record BatchOutcome(int records, Duration took, Map<TopicPartition, Long> rewind, Map<String, Integer> applied,
		Map<String, Integer> stale, Map<String, Integer> deadLettered, Skipped skipped) {

	static BatchOutcome rewound(int records, Duration took, Map<TopicPartition, Long> rewind) {
		return new BatchOutcome(records, took, Map.copyOf(rewind), Map.of(), Map.of(), Map.of(), new Skipped(0, 0));
	}

	/**
	 * Whether the batch was applied, rather than sent back to read again.
	 * @return true when applied
	 */
	public boolean isApplied() {
		return this.rewind.isEmpty();
	}

	/**
	 * The counts of this batch, all event types together.
	 * @return the totals
	 */
	public Totals totals() {
		return new Totals(sum(this.applied), sum(this.stale), sum(this.deadLettered), this.skipped.kafkaTombstones(),
				this.skipped.alreadyApplied());
	}

	private static long sum(Map<String, Integer> counts) {
		return counts.values().stream().mapToLong(Integer::longValue).sum();
	}

	/**
	 * Records of a batch that carry nothing to apply.
	 *
	 * @param kafkaTombstones records without a value
	 * @param alreadyApplied records before the position the database reflects
	 */
	public record Skipped(int kafkaTombstones, int alreadyApplied) {
	}

	/**
	 * Counts of ingested records by outcome, over one batch or many.
	 *
	 * @param applied events that changed the database
	 * @param stale events older than or equal to what the database held, or superseded in
	 * their batch
	 * @param deadLettered records rejected and sent to the dead-letter topic
	 * @param kafkaTombstones records without a value, skipped
	 * @param alreadyApplied records the database already reflected, skipped
	 */
	public record Totals(long applied, long stale, long deadLettered, long kafkaTombstones, long alreadyApplied) {

		/**
		 * Nothing counted yet.
		 */
		public static final Totals NONE = new Totals(0, 0, 0, 0, 0);

		/**
		 * These counts and the given ones added up.
		 * @param other the counts to add
		 * @return the sums
		 */
		public Totals plus(Totals other) {
			return new Totals(this.applied + other.applied, this.stale + other.stale,
					this.deadLettered + other.deadLettered, this.kafkaTombstones + other.kafkaTombstones,
					this.alreadyApplied + other.alreadyApplied);
		}

	}

}

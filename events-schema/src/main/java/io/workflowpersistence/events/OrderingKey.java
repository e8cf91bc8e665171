package io.workflowpersistence.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The ordering key of an event (docs/contract.md, rule 2): its entity version, its time,
 * or both; never neither. The same rule is implemented in SQL by the {@code is_newer}
 * function of the migrations, and the two must agree.
 *
 * @param version the CloudEvents {@code entityversion} (or {@code sequence}), or
 * {@code null}
 * @param time the CloudEvents {@code time}, or {@code null}
 */
public record OrderingKey(Long version, Instant time) {

	public OrderingKey {
		if (version == null && time == null) {
			throw new IllegalArgumentException("An ordering key needs a version or a time");
		}
		// PostgreSQL keeps microseconds: compare here what the database will compare.
		time = (time != null) ? time.truncatedTo(ChronoUnit.MICROS) : null;
	}

	/**
	 * Whether this key is newer than {@code stored}: when both carry a version the larger
	 * version wins; otherwise the later time; equal keys are duplicates. Keys that cannot
	 * be compared rank the one with a version higher, so the outcome never depends on
	 * arrival order.
	 */
	public boolean isNewerThan(OrderingKey stored) {
		if (this.version != null && stored.version != null) {
			return this.version > stored.version;
		}
		if (this.time != null && stored.time != null) {
			return this.time.isAfter(stored.time);
		}
		return this.version != null && stored.version == null;
	}

}

package io.workflowpersistence.worker.api.instances;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The instance counts by status and sub-status over all instances, as the read API's
 * statistics answer them: from the counts kept in {@code InstanceCountDeltas}, on the
 * API's pool, so that a reader outside the API (the dashboard) counts no rows.
 */
@Component
public class KeptInstanceCounts {

	private static final InstanceFilter ALL = new InstanceFilter(null, null, null, null, null, null, null, null, null);

	private final InstanceRepository instances;

	KeptInstanceCounts(InstanceRepository instances) {
		this.instances = instances;
	}

	/**
	 * Reads the count of every status and sub-status that has instances.
	 * @return the counts, by status, then sub-status, NULL last
	 */
	public List<Count> byStatus() {
		return this.instances.countByStatus(ALL)
			.stream()
			.map((row) -> new Count(row.status(), row.subStatus(), row.count()))
			.toList();
	}

	/**
	 * The instances with one status and sub-status.
	 *
	 * @param status the status
	 * @param subStatus the sub-status, or {@code null}
	 * @param count how many instances have both
	 */
	public record Count(String status, String subStatus, long count) {
	}

}

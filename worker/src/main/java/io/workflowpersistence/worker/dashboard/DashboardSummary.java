package io.workflowpersistence.worker.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * What the database holds, in numbers, for the dashboard.
 *
 * @param instances workflow instances by status and sub-status
 * @param instanceTotal all workflow instances
 * @param activities activity execution records by status (sub-status always {@code null})
 * @param activityTotal all activity execution records
 * @param bookmarkTotal all bookmarks
 * @param definitionTotal all workflow definition versions
 * @param at when the numbers were read
 */
record DashboardSummary(List<StatusCount> instances, long instanceTotal, List<StatusCount> activities,
		long activityTotal, long bookmarkTotal, long definitionTotal, Instant at) {

	/**
	 * The rows with one status and sub-status.
	 */
	record StatusCount(String status, String subStatus, long count) {
	}

}

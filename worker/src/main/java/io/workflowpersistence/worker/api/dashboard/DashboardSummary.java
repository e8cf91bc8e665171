package io.workflowpersistence.worker.api.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * What the database holds, in numbers, for the dashboard: the instance counts exactly,
 * the other tables as PostgreSQL estimates them.
 *
 * @param instances workflow instances by status and sub-status, as the database keeps
 * them
 * @param instanceTotal all workflow instances
 * @param activities activity execution records by status (sub-status always
 * {@code null}), estimated from the table's statistics
 * @param activityTotal all activity execution records, estimated
 * @param bookmarkTotal all bookmarks, estimated
 * @param definitionTotal all workflow definition versions, estimated
 * @param at when the numbers were read
 * @param estimated the names of the fields above that are estimates
 */
record DashboardSummary(List<StatusCount> instances, long instanceTotal, List<StatusCount> activities,
		long activityTotal, long bookmarkTotal, long definitionTotal, Instant at, List<String> estimated) {

	/**
	 * The rows with one status and sub-status.
	 */
	record StatusCount(String status, String subStatus, long count) {
	}

}

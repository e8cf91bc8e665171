package io.workflowpersistence.worker.api.instances;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.Rows;

import org.springframework.jdbc.core.RowMapper;

/**
 * One activity execution record of a workflow instance.
 *
 * @param id the record id
 * @param workflowInstanceId the instance the activity ran in
 * @param activityId the activity id within the workflow
 * @param activityNodeId the node id in the workflow graph
 * @param activityName the activity name
 * @param activityType the full activity type
 * @param status the execution status
 * @param data the activity input and output, as JSON
 * @param exception the exception, when the activity failed
 * @param startedAt when the activity started
 * @param completedAt when the activity completed
 */
record ActivityRecord(String id, String workflowInstanceId, String activityId, String activityNodeId,
		String activityName, String activityType, String status,
		@Schema(type = "object", description = "Activity input and output") @JsonRawValue String data, String exception,
		Instant startedAt, Instant completedAt) {

	static final String COLUMNS = """
			Id, WorkflowInstanceId, ActivityId, ActivityNodeId, ActivityName, ActivityType, Status, Data, \
			Exception, StartedAt, CompletedAt""";

	static final RowMapper<ActivityRecord> MAPPER = (rs, rowNum) -> new ActivityRecord(rs.getString("id"),
			rs.getString("workflowinstanceid"), rs.getString("activityid"), rs.getString("activitynodeid"),
			rs.getString("activityname"), rs.getString("activitytype"), rs.getString("status"), rs.getString("data"),
			rs.getString("exception"), Rows.instant(rs, "startedat"), Rows.instant(rs, "completedat"));

}

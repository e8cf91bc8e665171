package io.workflowpersistence.events;

import java.time.Instant;

/**
 * One execution of an activity within a workflow instance
 * ({@code workflow.activity.upserted}).
 */
public record ActivityExecutionRecord(String id, String workflowInstanceId, String activityId, String activityNodeId,
		String activityName, String activityType, String status, String data, String exception, Instant startedAt,
		Instant completedAt) implements Entity {

	@Override
	public String entityId() {
		return this.id;
	}

}

package io.workflowpersistence.events;

import java.time.Instant;

/**
 * A bookmark on which a workflow instance waits to be resumed
 * ({@code workflow.bookmark.upserted}).
 */
public record Bookmark(String id, String workflowInstanceId, String activityId, String activityNodeId, String name,
		String hash, String data, Instant createdAt) implements Entity {

	@Override
	public String entityId() {
		return this.id;
	}

}

package io.workflowpersistence.events;

/**
 * A trigger that starts workflows of a definition ({@code workflow.trigger.upserted}).
 */
public record Trigger(String id, String workflowDefinitionId, String workflowDefinitionVersionId, String activityId,
		String name, String hash, String data) implements Entity {

	@Override
	public String entityId() {
		return this.id;
	}

}

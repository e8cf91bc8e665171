package io.workflowpersistence.events;

import java.time.Instant;

/**
 * A workflow instance ({@code workflow.instance.upserted}).
 */
public record WorkflowInstance(String id, String definitionId, String definitionVersionId, Integer version,
		String status, String subStatus, String correlationId, String name, String data, Instant createdAt,
		Instant updatedAt, Instant finishedAt) implements Entity {

	@Override
	public String entityId() {
		return this.id;
	}

}

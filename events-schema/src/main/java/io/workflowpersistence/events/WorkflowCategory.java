package io.workflowpersistence.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A category that groups workflow definitions ({@code workflow.category.upserted}).
 */
public record WorkflowCategory(UUID id, String name, String description, String color, Instant createdAt,
		Instant updatedAt) implements Entity {

	@Override
	public String entityId() {
		return this.id.toString();
	}

}

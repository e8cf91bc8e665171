package io.workflowpersistence.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of a workflow definition ({@code workflow.definition.upserted}); JSON columns
 * are carried as compact JSON text.
 */
public record WorkflowDefinition(String id, String definitionId, int version, String name, String displayName,
		String description, Boolean isLatest, Boolean isPublished, String data, Instant createdAt, Instant updatedAt,
		UUID categoryId, List<String> tags) implements Entity {

	@Override
	public String entityId() {
		return this.id;
	}

}

package io.workflowpersistence.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A custom activity available to workflows ({@code activity.definition.upserted}).
 */
public record CustomActivityDefinition(UUID id, String name, String displayName, String description, String category,
		String inputProperties, String outputProperties, String assemblyName, String typeName, String version,
		Boolean isEnabled, Instant createdAt, Instant updatedAt) implements Entity {

	@Override
	public String entityId() {
		return this.id.toString();
	}

}

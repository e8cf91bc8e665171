package io.workflowpersistence.events;

/**
 * One valid event, parsed from a Kafka record.
 *
 * @param eventId the CloudEvents {@code id}
 * @param source the CloudEvents {@code source}
 * @param entityType the family of the entity
 * @param operation upsert or delete
 * @param entityId the entity's primary key, as text (a uuid in canonical lower-case form)
 * @param orderingKey the key that decides which of two events of one entity is newer
 * @param entity the whole entity for an upsert; {@code null} for a delete
 */
public record WorkflowEvent(String eventId, String source, EntityType entityType, Operation operation, String entityId,
		OrderingKey orderingKey, Entity entity) {

	public boolean isDelete() {
		return this.operation == Operation.DELETED;
	}

}

package io.workflowpersistence.events;

/**
 * What an event does to its entity: an upsert carries the whole entity, a delete only its
 * id.
 */
public enum Operation {

	UPSERTED, DELETED

}

package io.workflowpersistence.events;

/**
 * The whole state of one entity as an upsert event carries it.
 */
public sealed interface Entity permits WorkflowDefinition, WorkflowInstance, ActivityExecutionRecord, Bookmark, Trigger,
		WorkflowCategory, CustomActivityDefinition {

	/**
	 * The primary key of the entity's row, as text (a uuid in its canonical lower-case
	 * form).
	 */
	String entityId();

}

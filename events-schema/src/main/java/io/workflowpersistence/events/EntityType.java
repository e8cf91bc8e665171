package io.workflowpersistence.events;

import java.util.Locale;

/**
 * The families of entities the engine publishes; a CloudEvents type is
 * {@code <prefix>.upserted} or {@code <prefix>.deleted}.
 */
public enum EntityType {

	WORKFLOW_DEFINITION("workflow.definition"),

	WORKFLOW_INSTANCE("workflow.instance"),

	WORKFLOW_ACTIVITY("workflow.activity"),

	WORKFLOW_BOOKMARK("workflow.bookmark"),

	WORKFLOW_TRIGGER("workflow.trigger"),

	WORKFLOW_CATEGORY("workflow.category"),

	ACTIVITY_DEFINITION("activity.definition");

	private final String prefix;

	EntityType(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * The type prefix, e.g. {@code workflow.instance}; also the name stored with
	 * tombstones.
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * The CloudEvents type of an operation on this family, e.g.
	 * {@code workflow.instance.deleted}.
	 */
	public String cloudEventType(Operation operation) {
		return this.prefix + "." + operation.name().toLowerCase(Locale.ROOT);
	}

}

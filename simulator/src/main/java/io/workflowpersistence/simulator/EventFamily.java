package io.workflowpersistence.simulator;

/**
 * The families of entities the engine publishes, each with the topic it goes to.
 */
enum EventFamily {

	DEFINITION("workflow.definition", SimulatorTopics.DEFINITIONS),

	INSTANCE("workflow.instance", SimulatorTopics.INSTANCES),

	ACTIVITY("workflow.activity", SimulatorTopics.ACTIVITIES),

	BOOKMARK("workflow.bookmark", SimulatorTopics.BOOKMARKS),

	TRIGGER("workflow.trigger", SimulatorTopics.TRIGGERS),

	CATEGORY("workflow.category", SimulatorTopics.CATALOG),

	ACTIVITY_DEFINITION("activity.definition", SimulatorTopics.CATALOG);

	private final String prefix;

	private final String topic;

	EventFamily(String prefix, String topic) {
		this.prefix = prefix;
		this.topic = topic;
	}

	String type(boolean deleted) {
		return this.prefix + (deleted ? ".deleted" : ".upserted");
	}

	String topic() {
		return this.topic;
	}

}

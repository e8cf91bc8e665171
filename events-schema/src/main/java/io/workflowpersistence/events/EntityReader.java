package io.workflowpersistence.events;

/**
 * Builds the record of each entity family from the validated, normalized {@code data} of
 * its upsert event, and reads the id of a delete.
 */
final class EntityReader {

	private EntityReader() {
	}

	static Entity read(EntityType entityType, DataFields data) {
		return switch (entityType) {
			case WORKFLOW_DEFINITION -> definition(data);
			case WORKFLOW_INSTANCE -> instance(data);
			case WORKFLOW_ACTIVITY -> activity(data);
			case WORKFLOW_BOOKMARK -> bookmark(data);
			case WORKFLOW_TRIGGER -> trigger(data);
			case WORKFLOW_CATEGORY -> category(data);
			case ACTIVITY_DEFINITION -> activityDefinition(data);
		};
	}

	/**
	 * The id a delete event names, as its row's key is written (a uuid in canonical
	 * form).
	 */
	static String deletedId(EntityType entityType, DataFields data) {
		return EventSchemas.isUuidKeyed(entityType) ? data.uuid("id").toString() : data.text("id");
	}

	private static WorkflowDefinition definition(DataFields data) {
		return new WorkflowDefinition(data.text("id"), data.text("definitionId"), data.integer("version"),
				data.text("name"), data.text("displayName"), data.text("description"), data.bool("isLatest"),
				data.bool("isPublished"), data.json("data"), data.instant("createdAt"), data.instant("updatedAt"),
				data.uuid("categoryId"), data.distinctTexts("tags"));
	}

	private static WorkflowInstance instance(DataFields data) {
		return new WorkflowInstance(data.text("id"), data.text("definitionId"), data.text("definitionVersionId"),
				data.integer("version"), data.text("status"), data.text("subStatus"), data.text("correlationId"),
				data.text("name"), data.json("data"), data.instant("createdAt"), data.instant("updatedAt"),
				data.instant("finishedAt"));
	}

	private static ActivityExecutionRecord activity(DataFields data) {
		return new ActivityExecutionRecord(data.text("id"), data.text("workflowInstanceId"), data.text("activityId"),
				data.text("activityNodeId"), data.text("activityName"), data.text("activityType"), data.text("status"),
				data.json("data"), data.textOrJson("exception"), data.instant("startedAt"),
				data.instant("completedAt"));
	}

	private static Bookmark bookmark(DataFields data) {
		return new Bookmark(data.text("id"), data.text("workflowInstanceId"), data.text("activityId"),
				data.text("activityNodeId"), data.text("name"), data.text("hash"), data.json("data"),
				data.instant("createdAt"));
	}

	private static Trigger trigger(DataFields data) {
		return new Trigger(data.text("id"), data.text("workflowDefinitionId"), data.text("workflowDefinitionVersionId"),
				data.text("activityId"), data.text("name"), data.text("hash"), data.json("data"));
	}

	private static WorkflowCategory category(DataFields data) {
		return new WorkflowCategory(data.uuid("id"), data.text("name"), data.text("description"), data.text("color"),
				data.instant("createdAt"), data.instant("updatedAt"));
	}

	private static CustomActivityDefinition activityDefinition(DataFields data) {
		return new CustomActivityDefinition(data.uuid("id"), data.text("name"), data.text("displayName"),
				data.text("description"), data.text("category"), data.json("inputProperties"),
				data.json("outputProperties"), data.text("assemblyName"), data.text("typeName"), data.text("version"),
				data.bool("isEnabled"), data.instant("createdAt"), data.instant("updatedAt"));
	}

}

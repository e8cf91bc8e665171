package io.workflowpersistence.worker.store;

import static io.workflowpersistence.worker.store.Column.bool;
import static io.workflowpersistence.worker.store.Column.integer;
import static io.workflowpersistence.worker.store.Column.json;
import static io.workflowpersistence.worker.store.Column.text;
import static io.workflowpersistence.worker.store.Column.timestamp;
import static io.workflowpersistence.worker.store.Column.uuid;

import java.util.List;

import io.workflowpersistence.events.ActivityExecutionRecord;
import io.workflowpersistence.events.Bookmark;
import io.workflowpersistence.events.CustomActivityDefinition;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Trigger;
import io.workflowpersistence.events.WorkflowCategory;
import io.workflowpersistence.events.WorkflowDefinition;
import io.workflowpersistence.events.WorkflowInstance;
import io.workflowpersistence.worker.store.EntityTable.Cascade;

/**
 * The mapping of every event family onto its table (the seed's columns, in the
 * migrations' names).
 */
final class EntityTables {

	// Rule 4: activity records and bookmarks of a deleted instance are ignored, and so
	// are
	// those of an instance removed by retention. OFFSET 0 keeps each a lookup for each
	// incoming row (see EntityTable's upsert).
	private static final String INSTANCE_NOT_DELETED = """
			AND NOT EXISTS (
			        SELECT 1 FROM Tombstones p
			        WHERE p.EntityType = 'workflow.instance' AND p.Id = v.WorkflowInstanceId
			        OFFSET 0)
			    AND NOT EXISTS (
			        SELECT 1 FROM RemovedInstances r
			        WHERE r.Id = v.WorkflowInstanceId
			        OFFSET 0)""";

	// Retention is final: no event of a removed instance writes it again, whatever its
	// ordering key.
	private static final String NOT_REMOVED = """
			AND NOT EXISTS (
			        SELECT 1 FROM RemovedInstances r
			        WHERE r.Id = v.Id
			        OFFSET 0)""";

	static final EntityTable<WorkflowDefinition> DEFINITIONS = new EntityTable<>("WorkflowDefinitions",
			EntityType.WORKFLOW_DEFINITION, WorkflowDefinition.class, "varchar",
			List.of(text("Id", WorkflowDefinition::id), text("DefinitionId", WorkflowDefinition::definitionId),
					text("Name", WorkflowDefinition::name), text("DisplayName", WorkflowDefinition::displayName),
					text("Description", WorkflowDefinition::description),
					integer("Version", WorkflowDefinition::version), bool("IsLatest", WorkflowDefinition::isLatest),
					bool("IsPublished", WorkflowDefinition::isPublished), json("Data", WorkflowDefinition::data),
					timestamp("CreatedAt", WorkflowDefinition::createdAt),
					timestamp("UpdatedAt", WorkflowDefinition::updatedAt),
					uuid("CategoryId", WorkflowDefinition::categoryId)),
			"", List.of(new Cascade("WorkflowTags", "WorkflowDefinitionId")));

	static final EntityTable<WorkflowInstance> INSTANCES = new EntityTable<>("WorkflowInstances",
			EntityType.WORKFLOW_INSTANCE, WorkflowInstance.class, "varchar",
			List.of(text("Id", WorkflowInstance::id), text("DefinitionId", WorkflowInstance::definitionId),
					text("DefinitionVersionId", WorkflowInstance::definitionVersionId),
					integer("Version", WorkflowInstance::version), text("Status", WorkflowInstance::status),
					text("SubStatus", WorkflowInstance::subStatus),
					text("CorrelationId", WorkflowInstance::correlationId), text("Name", WorkflowInstance::name),
					json("Data", WorkflowInstance::data), timestamp("CreatedAt", WorkflowInstance::createdAt),
					timestamp("UpdatedAt", WorkflowInstance::updatedAt),
					timestamp("FinishedAt", WorkflowInstance::finishedAt)),
			NOT_REMOVED, List.of(new Cascade("ActivityExecutionRecords", "WorkflowInstanceId"),
					new Cascade("Bookmarks", "WorkflowInstanceId")));

	static final EntityTable<ActivityExecutionRecord> ACTIVITIES = new EntityTable<>("ActivityExecutionRecords",
			EntityType.WORKFLOW_ACTIVITY, ActivityExecutionRecord.class, "varchar",
			List.of(text("Id", ActivityExecutionRecord::id),
					text("WorkflowInstanceId", ActivityExecutionRecord::workflowInstanceId),
					text("ActivityId", ActivityExecutionRecord::activityId),
					text("ActivityNodeId", ActivityExecutionRecord::activityNodeId),
					text("ActivityName", ActivityExecutionRecord::activityName),
					text("ActivityType", ActivityExecutionRecord::activityType),
					text("Status", ActivityExecutionRecord::status), json("Data", ActivityExecutionRecord::data),
					text("Exception", ActivityExecutionRecord::exception),
					timestamp("StartedAt", ActivityExecutionRecord::startedAt),
					timestamp("CompletedAt", ActivityExecutionRecord::completedAt)),
			INSTANCE_NOT_DELETED, List.of());

	static final EntityTable<Bookmark> BOOKMARKS = new EntityTable<>("Bookmarks", EntityType.WORKFLOW_BOOKMARK,
			Bookmark.class, "varchar",
			List.of(text("Id", Bookmark::id), text("WorkflowInstanceId", Bookmark::workflowInstanceId),
					text("ActivityId", Bookmark::activityId), text("ActivityNodeId", Bookmark::activityNodeId),
					text("Name", Bookmark::name), text("Hash", Bookmark::hash), json("Data", Bookmark::data),
					timestamp("CreatedAt", Bookmark::createdAt)),
			INSTANCE_NOT_DELETED, List.of());

	static final EntityTable<Trigger> TRIGGERS = new EntityTable<>("Triggers", EntityType.WORKFLOW_TRIGGER,
			Trigger.class, "varchar",
			List.of(text("Id", Trigger::id), text("WorkflowDefinitionId", Trigger::workflowDefinitionId),
					text("WorkflowDefinitionVersionId", Trigger::workflowDefinitionVersionId),
					text("ActivityId", Trigger::activityId), text("Name", Trigger::name), text("Hash", Trigger::hash),
					json("Data", Trigger::data)),
			"", List.of());

	static final EntityTable<WorkflowCategory> CATEGORIES = new EntityTable<>("WorkflowCategories",
			EntityType.WORKFLOW_CATEGORY, WorkflowCategory.class, "uuid",
			List.of(uuid("Id", WorkflowCategory::id), text("Name", WorkflowCategory::name),
					text("Description", WorkflowCategory::description), text("Color", WorkflowCategory::color),
					timestamp("CreatedAt", WorkflowCategory::createdAt),
					timestamp("UpdatedAt", WorkflowCategory::updatedAt)),
			"", List.of());

	static final EntityTable<CustomActivityDefinition> ACTIVITY_DEFINITIONS = new EntityTable<>(
			"CustomActivityDefinitions", EntityType.ACTIVITY_DEFINITION, CustomActivityDefinition.class, "uuid",
			List.of(uuid("Id", CustomActivityDefinition::id), text("Name", CustomActivityDefinition::name),
					text("DisplayName", CustomActivityDefinition::displayName),
					text("Description", CustomActivityDefinition::description),
					text("Category", CustomActivityDefinition::category),
					json("InputProperties", CustomActivityDefinition::inputProperties),
					json("OutputProperties", CustomActivityDefinition::outputProperties),
					text("AssemblyName", CustomActivityDefinition::assemblyName),
					text("TypeName", CustomActivityDefinition::typeName),
					text("Version", CustomActivityDefinition::version),
					bool("IsEnabled", CustomActivityDefinition::isEnabled),
					timestamp("CreatedAt", CustomActivityDefinition::createdAt),
					timestamp("UpdatedAt", CustomActivityDefinition::updatedAt)),
			"", List.of());

	// Parents before children, so that an instance delete in the same batch as its
	// children's upserts removes them (rule 4).
	static final List<EntityTable<?>> ALL = List.of(CATEGORIES, ACTIVITY_DEFINITIONS, DEFINITIONS, TRIGGERS, INSTANCES,
			ACTIVITIES, BOOKMARKS);

	private EntityTables() {
	}

}

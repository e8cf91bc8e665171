package io.workflowpersistence.worker.protection;

import java.util.function.UnaryOperator;

import io.workflowpersistence.events.ActivityExecutionRecord;
import io.workflowpersistence.events.Bookmark;
import io.workflowpersistence.events.Entity;
import io.workflowpersistence.events.Trigger;
import io.workflowpersistence.events.WorkflowDefinition;
import io.workflowpersistence.events.WorkflowInstance;

/**
 * Rewrites the {@code data} of the entity families that carry one, leaving every other
 * field as it is.
 */
final class EntityData {

	private EntityData() {
	}

	/**
	 * The entity with its data rewritten; the same entity when its family has no data or
	 * the data does not change.
	 */
	static Entity rewrite(Entity entity, UnaryOperator<String> rewrite) {
		if (entity instanceof WorkflowInstance i) {
			String data = rewrite.apply(i.data());
			return (data == i.data()) ? i
					: new WorkflowInstance(i.id(), i.definitionId(), i.definitionVersionId(), i.version(), i.status(),
							i.subStatus(), i.correlationId(), i.name(), data, i.createdAt(), i.updatedAt(),
							i.finishedAt());
		}
		if (entity instanceof ActivityExecutionRecord a) {
			String data = rewrite.apply(a.data());
			return (data == a.data()) ? a
					: new ActivityExecutionRecord(a.id(), a.workflowInstanceId(), a.activityId(), a.activityNodeId(),
							a.activityName(), a.activityType(), a.status(), data, a.exception(), a.startedAt(),
							a.completedAt());
		}
		if (entity instanceof Bookmark b) {
			String data = rewrite.apply(b.data());
			return (data == b.data()) ? b : new Bookmark(b.id(), b.workflowInstanceId(), b.activityId(),
					b.activityNodeId(), b.name(), b.hash(), data, b.createdAt());
		}
		if (entity instanceof Trigger t) {
			String data = rewrite.apply(t.data());
			return (data == t.data()) ? t : new Trigger(t.id(), t.workflowDefinitionId(),
					t.workflowDefinitionVersionId(), t.activityId(), t.name(), t.hash(), data);
		}
		if (entity instanceof WorkflowDefinition d) {
			String data = rewrite.apply(d.data());
			return (data == d.data()) ? d
					: new WorkflowDefinition(d.id(), d.definitionId(), d.version(), d.name(), d.displayName(),
							d.description(), d.isLatest(), d.isPublished(), data, d.createdAt(), d.updatedAt(),
							d.categoryId(), d.tags());
		}
		return entity;
	}

}

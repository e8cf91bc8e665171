package io.workflowpersistence.worker.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.WorkflowEvent;

/**
 * Reduces a batch to the newest event per entity (CONTRACT rule 2), as one statement may
 * touch each row only once. Of events with equal keys (duplicates) the first stays.
 */
final class BatchReducer {

	private BatchReducer() {
	}

	static List<WorkflowEvent> newestPerEntity(List<WorkflowEvent> events) {
		Map<EntityKey, WorkflowEvent> newest = new LinkedHashMap<>();
		for (WorkflowEvent event : events) {
			newest.merge(new EntityKey(event.entityType(), event.entityId()), event,
					(kept, candidate) -> candidate.orderingKey().isNewerThan(kept.orderingKey()) ? candidate : kept);
		}
		return new ArrayList<>(newest.values());
	}

	private record EntityKey(EntityType type, String id) {
	}

}

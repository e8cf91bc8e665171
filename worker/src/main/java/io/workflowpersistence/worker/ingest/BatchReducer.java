package io.workflowpersistence.worker.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.events.WorkflowInstance;

/**
 * Reduces a batch to the newest event per entity (docs/contract.md, rule 2), as one
 * statement may touch each row only once. Of events with equal keys (duplicates) the
 * first stays. Older upserts of an instance that say it finished stay too: retention
 * removes an instance for any event past its time-to-live, whichever came last, so that a
 * batch removes what the same events in separate batches would; the store writes only the
 * newest.
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
		List<WorkflowEvent> reduced = new ArrayList<>(newest.values());
		Set<WorkflowEvent> kept = Collections.newSetFromMap(new IdentityHashMap<>());
		kept.addAll(reduced);
		for (WorkflowEvent event : events) {
			if (!kept.contains(event) && event.entity() instanceof WorkflowInstance instance
					&& instance.finishedAt() != null) {
				reduced.add(event);
			}
		}
		return reduced;
	}

	private record EntityKey(EntityType type, String id) {
	}

}

package io.workflowpersistence.worker.ingest;

import java.time.Instant;
import java.util.List;

import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.events.WorkflowInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reduction of a batch to the newest event per entity, and the older finished
 * instance upserts it keeps for retention.
 */
class BatchReducerRetentionTests {

	@Test
	void keepsTheNewestEventPerEntityAndOlderUpsertsOfFinishedInstances() {
		WorkflowEvent running = instance("i-1", 1, null);
		WorkflowEvent finished = instance("i-1", 2, Instant.parse("2026-01-01T00:00:00Z"));
		WorkflowEvent reopened = instance("i-1", 3, null);
		WorkflowEvent other = instance("i-2", 1, null);
		WorkflowEvent otherAgain = instance("i-2", 2, null);

		List<WorkflowEvent> reduced = BatchReducer
			.newestPerEntity(List.of(running, finished, reopened, other, otherAgain));

		assertThat(reduced).containsExactly(reopened, otherAgain, finished);
	}

	private static WorkflowEvent instance(String id, long version, Instant finishedAt) {
		return new WorkflowEvent("e", "/t", EntityType.WORKFLOW_INSTANCE, Operation.UPSERTED, id,
				new OrderingKey(version, null), new WorkflowInstance(id, "def", null, 1,
						(finishedAt != null) ? "Finished" : "Running", null, null, null, null, null, null, finishedAt));
	}

}

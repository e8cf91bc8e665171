package io.workflowpersistence.worker.ingest;

import java.time.Instant;
import java.util.List;

import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.WorkflowEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reduction of a batch to the newest event per entity, before one statement per table
 * writes it (contract rule 2).
 */
class BatchReducerTests {

	private static final Instant T0 = Instant.parse("2026-11-24T10:15:30Z");

	@Test
	void newestPerEntityKeepsTheLargestVersionWhateverTheArrivalOrder() {
		WorkflowEvent v1 = upsert("wi-1", 1L, T0);
		WorkflowEvent v3 = upsert("wi-1", 3L, T0);
		WorkflowEvent v2 = upsert("wi-1", 2L, T0);

		assertThat(BatchReducer.newestPerEntity(List.of(v1, v3, v2))).containsExactly(v3);
		assertThat(BatchReducer.newestPerEntity(List.of(v3, v2, v1))).containsExactly(v3);
	}

	@Test
	void newestPerEntityComparesTimesWhenAVersionIsMissing() {
		WorkflowEvent earlier = upsert("wi-1", null, T0);
		WorkflowEvent later = upsert("wi-1", null, T0.plusMillis(1));

		assertThat(BatchReducer.newestPerEntity(List.of(later, earlier))).containsExactly(later);
		assertThat(BatchReducer.newestPerEntity(List.of(earlier, later))).containsExactly(later);
	}

	@Test
	void newestPerEntityKeepsTheFirstOfDuplicates() {
		WorkflowEvent first = upsert("wi-1", 2L, T0);
		WorkflowEvent duplicate = upsert("wi-1", 2L, T0);

		assertThat(BatchReducer.newestPerEntity(List.of(first, duplicate))).singleElement().isSameAs(first);
	}

	@Test
	void newestPerEntityLetsANewerDeleteWinOverAnOlderUpsertAndTheReverse() {
		WorkflowEvent upsert = upsert("wi-1", 4L, T0);
		WorkflowEvent delete = delete(EntityType.WORKFLOW_INSTANCE, "wi-1", 5L);
		WorkflowEvent laterUpsert = upsert("wi-1", 6L, T0);

		assertThat(BatchReducer.newestPerEntity(List.of(upsert, delete))).containsExactly(delete);
		assertThat(BatchReducer.newestPerEntity(List.of(delete, laterUpsert))).containsExactly(laterUpsert);
	}

	@Test
	void newestPerEntityTellsFamiliesApartAndKeepsTheOrderOfFirstSight() {
		WorkflowEvent instance = upsert("id-1", 1L, T0);
		WorkflowEvent bookmark = delete(EntityType.WORKFLOW_BOOKMARK, "id-1", 1L);
		WorkflowEvent other = upsert("id-2", 1L, T0);
		WorkflowEvent newerInstance = upsert("id-1", 2L, T0);

		assertThat(BatchReducer.newestPerEntity(List.of(instance, bookmark, other, newerInstance)))
			.containsExactly(newerInstance, bookmark, other);
	}

	private static WorkflowEvent upsert(String id, Long version, Instant time) {
		return new WorkflowEvent("evt-" + id + "-" + version, "/tests", EntityType.WORKFLOW_INSTANCE,
				Operation.UPSERTED, id, new OrderingKey(version, time), null);
	}

	private static WorkflowEvent delete(EntityType type, String id, long version) {
		return new WorkflowEvent("del-" + id + "-" + version, "/tests", type, Operation.DELETED, id,
				new OrderingKey(version, null), null);
	}

}

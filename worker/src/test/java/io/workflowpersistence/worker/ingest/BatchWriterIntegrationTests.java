package io.workflowpersistence.worker.ingest;

import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.events.WorkflowInstance;
import io.workflowpersistence.worker.store.SchemaStores;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When PostgreSQL refuses some events of a batch, the writer names exactly those and
 * applies the others.
 */
class BatchWriterIntegrationTests extends IngestIntegrationTestSupport {

	@Autowired
	JdbcTemplate template;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void refusedEventsAreIsolatedAndTheRestIsApplied() {
		String run = unique("writer");
		List<WorkflowEvent> events = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			events.add(instance(run + "-" + i, "ok"));
		}
		WorkflowEvent tooLong = instance(run + "-long", "n".repeat(300));
		WorkflowEvent withNul = instance(run + "-nul", "a\u0000b");
		events.add(17, tooLong);
		events.add(80, withNul);

		BatchWriter writer = new BatchWriter(SchemaStores.on(this.template).entities(), this.transactions);
		BatchWriter.Result result = new TransactionTemplate(this.transactions)
			.execute((status) -> writer.write(events));

		assertThat(result.refused()).containsOnlyKeys(tooLong, withNul);
		assertThat(result.refused().get(tooLong)).contains("value too long");
		assertThat(result.applied()).containsEntry(EntityType.WORKFLOW_INSTANCE, 100);
		assertThat(count("SELECT count(*) FROM WorkflowInstances WHERE Id LIKE ?", run + "-%")).isEqualTo(100);
	}

	private static WorkflowEvent instance(String id, String name) {
		WorkflowInstance instance = new WorkflowInstance(id, "def", null, null, "Running", null, null, name, null, null,
				null, null);
		return new WorkflowEvent("evt-" + id, "/tests", EntityType.WORKFLOW_INSTANCE, Operation.UPSERTED, id,
				new OrderingKey(1L, null), instance);
	}

}

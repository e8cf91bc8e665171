package io.workflowpersistence.worker.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.workflowpersistence.worker.testing.Events;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of docs/contract.md section 3, through a real broker into a real PostgreSQL.
 */
class IngestRulesIntegrationTests extends IngestIntegrationTestSupport {

	@Autowired
	TombstonePurge tombstonePurge;

	@Test
	void theSameEventTenTimesWritesTheRowOnce() {
		String id = unique("wi");
		Events event = Events.instance(id).with("name", "once").version(1).eventId("evt-" + id);
		publish(event);
		awaitInstance(id);
		long xmin = xmin(id);
		for (int i = 0; i < 9; i++) {
			publish(event);
		}
		awaitMarkerAfter(id);
		assertThat(xmin(id)).as("the row was not written again").isEqualTo(xmin);
		assertThat(count("SELECT count(*) FROM WorkflowInstances WHERE Id = ?", id)).isOne();
	}

	@Test
	void shuffledVersionsLeaveTheNewest() {
		String id = unique("wi");
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
		for (int version = 1; version <= 30; version++) {
			records.add(Events.instance(id).with("name", "v" + version).version(version).record());
		}
		Collections.shuffle(records, new Random(7));
		for (ProducerRecord<byte[], byte[]> record : records) {
			publish(List.of(record));
		}
		eventually().untilAsserted(() -> assertThat(instanceName(id)).isEqualTo("v30"));
		assertThat(this.jdbc.sql("SELECT EventVersion FROM WorkflowInstances WHERE Id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(30);
	}

	@Test
	void versionsDecideWhenBothCarryOneAndTimesOtherwise() {
		String versioned = unique("wi");
		publish(Events.instance(versioned).with("name", "second").version(2).time("2026-01-01T00:00:00Z"));
		publish(Events.instance(versioned).with("name", "first").version(1).time("2026-12-31T00:00:00Z"));
		String timed = unique("wi");
		publish(Events.instance(timed).with("name", "later").time("2026-06-01T10:00:00.500Z"));
		publish(Events.instance(timed).with("name", "earlier").time("2026-06-01T12:00:00+02:00"));
		awaitMarkerAfter(versioned);
		awaitMarkerAfter(timed);
		assertThat(instanceName(versioned)).isEqualTo("second");
		assertThat(instanceName(timed)).isEqualTo("later");
	}

	@Test
	void anUpsertReplacesTheWholeRow() {
		String id = unique("wi");
		publish(Events.instance(id).with("name", "named").with("correlationId", "c-1").version(1));
		publish(Events.instance(id).version(2));
		eventually()
			.untilAsserted(() -> assertThat(this.jdbc.sql("SELECT EventVersion FROM WorkflowInstances WHERE Id = ?")
				.param(id)
				.query(Long.class)
				.optional()).contains(2L));
		Map<String, Object> row = this.jdbc.sql("SELECT Name, CorrelationId FROM WorkflowInstances WHERE Id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("name", null).containsEntry("correlationid", null);
	}

	@Test
	void aDeleteIsNotUndoneByALateOlderUpsert() {
		String id = unique("wi");
		publish(Events.instance(id).version(1));
		awaitInstance(id);
		publish(Events.instanceDeleted(id).version(3), Events.instance(id).with("name", "stale").version(2));
		awaitMarkerAfter(id);
		assertThat(count("SELECT count(*) FROM WorkflowInstances WHERE Id = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM Tombstones WHERE EntityType = 'workflow.instance' AND Id = ?", id))
			.isOne();
	}

	@Test
	void aNewerUpsertAfterADeleteCreatesTheRowAgain() {
		String id = unique("wi");
		publish(Events.instance(id).version(1), Events.instanceDeleted(id).version(3),
				Events.instance(id).with("name", "reborn").version(4));
		eventually().untilAsserted(() -> assertThat(instanceName(id)).isEqualTo("reborn"));
		assertThat(count("SELECT count(*) FROM Tombstones WHERE Id = ?", id)).isZero();
	}

	@Test
	void deletingAnInstanceRemovesItsChildrenAndIgnoresLateOnes() {
		String id = unique("wi");
		publish(Events.instance(id).version(1), Events.activity(id + "-a1", id).version(1),
				Events.activity(id + "-a2", id).version(1), Events.bookmark(id + "-b1", id).version(1));
		eventually()
			.until(() -> count("SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = ?", id) == 2
					&& count("SELECT count(*) FROM Bookmarks WHERE WorkflowInstanceId = ?", id) == 1);
		publish(Events.instanceDeleted(id).version(2));
		eventually().until(() -> count("SELECT count(*) FROM WorkflowInstances WHERE Id = ?", id) == 0);
		assertThat(count("SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM Bookmarks WHERE WorkflowInstanceId = ?", id)).isZero();
		publish(Events.activity(id + "-a3", id).version(1), Events.bookmark(id + "-b2", id).version(1));
		awaitMarkerAfter(id, "workflow.activities");
		awaitMarkerAfter(id, "workflow.bookmarks");
		assertThat(count("SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM Bookmarks WHERE WorkflowInstanceId = ?", id)).isZero();
	}

	@Test
	void thePeriodicSweepRemovesChildrenOfADeletedInstanceThatACrashLeftBehind() {
		String id = unique("wi");
		publish(Events.activity(id + "-a1", id).version(1), Events.bookmark(id + "-b1", id).version(1));
		eventually()
			.until(() -> count("SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = ?", id) == 1
					&& count("SELECT count(*) FROM Bookmarks WHERE WorkflowInstanceId = ?", id) == 1);
		// The instance's delete, committed by a batch whose sweep never ran.
		this.jdbc.sql("INSERT INTO Tombstones (EntityType, Id, EventVersion) VALUES ('workflow.instance', ?, 2)")
			.param(id)
			.update();

		this.tombstonePurge.purge();

		assertThat(count("SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM Bookmarks WHERE WorkflowInstanceId = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM Tombstones WHERE Id = ?", id)).isOne();
	}

	@Test
	void childrenMayArriveBeforeTheirParents() {
		String instance = unique("wi");
		String definition = unique("def");
		publish(Events.activity(instance + "-a", instance).version(1), Events.bookmark(instance + "-b", instance),
				Events.trigger(definition + "-t", definition).version(1));
		eventually().until(() -> count("SELECT count(*) FROM Triggers WHERE WorkflowDefinitionId = ?", definition) == 1
				&& count("SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = ?", instance) == 1);
		publish(Events.instance(instance).version(1), Events.definition(definition + ":v1", definition, 1).version(1));
		awaitInstance(instance);
		eventually()
			.until(() -> count("SELECT count(*) FROM WorkflowDefinitions WHERE DefinitionId = ?", definition) == 1);
		assertThat(count("SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = ?", instance))
			.isOne();
	}

	@Test
	void anyTypeMayArriveOnAnyTopic() {
		String id = unique("wi");
		publish(List.of(Events.instance(id).version(1).record("workflow.catalog")));
		awaitInstance(id);
	}

	@Test
	void definitionTagsAreReplacedWithDeterministicIdsAndDeletedWithTheDefinition() {
		String definitionId = unique("def");
		String id = definitionId + ":v1";
		UUID category = UUID.randomUUID();
		publish(Events.definition(id, definitionId, 1)
			.with("tags", List.of("finance", "approval"))
			.with("categoryId", category.toString())
			.version(1));
		eventually().until(() -> tags(id).size() == 2);
		publish(Events.definition(id, definitionId, 1).with("tags", List.of("approval", "urgent")).version(2));
		eventually().untilAsserted(() -> assertThat(tags(id)).containsExactly("approval", "urgent"));
		assertThat(this.jdbc.sql("SELECT Id FROM WorkflowTags WHERE WorkflowDefinitionId = ? AND Tag = 'approval'")
			.param(id)
			.query(UUID.class)
			.single()).isEqualTo(UUID.nameUUIDFromBytes((id + "\napproval").getBytes()));
		publish(Events.deleted("workflow.definition", id, "workflow.definitions", definitionId).version(3));
		eventually().until(() -> tags(id).isEmpty());
		assertThat(count("SELECT count(*) FROM WorkflowDefinitions WHERE Id = ?", id)).isZero();
	}

	@Test
	void catalogEntitiesAreUpsertedAndDeleted() {
		UUID category = UUID.randomUUID();
		UUID activity = UUID.randomUUID();
		publish(Events.category(category).with("color", "#2E7D32").time("2026-11-01T00:00:00Z"),
				Events.activityDefinition(activity)
					.with("isEnabled", true)
					.with("inputProperties", List.of(Map.of("name", "amount")))
					.version(1));
		eventually().until(() -> count("SELECT count(*) FROM WorkflowCategories WHERE Id = ?", category) == 1
				&& count("SELECT count(*) FROM CustomActivityDefinitions WHERE Id = ?", activity) == 1);
		assertThat(this.jdbc.sql("SELECT InputProperties::text FROM CustomActivityDefinitions WHERE Id = ?")
			.param(activity)
			.query(String.class)
			.single()).isEqualTo("[{\"name\": \"amount\"}]");
		publish(Events.deleted("workflow.category", category.toString(), "workflow.catalog", category.toString())
			.time("2026-11-02T00:00:00Z"));
		eventually().until(() -> count("SELECT count(*) FROM WorkflowCategories WHERE Id = ?", category) == 0);
	}

	@Test
	void aDatabaseBehindTheTopicsReadsThemAgain() {
		String id = unique("wi");
		publish(Events.instance(id).version(1));
		awaitInstance(id);
		// As if the database were restored from a backup taken before the instance came.
		this.jdbc.sql("DELETE FROM WorkflowInstances WHERE Id = ?").param(id).update();
		this.jdbc.sql("UPDATE ConsumerOffsets SET NextOffset = 0 WHERE Topic = 'workflow.instances'").update();
		awaitMarkerAfter(id);
		assertThat(count("SELECT count(*) FROM WorkflowInstances WHERE Id = ?", id)).isOne();
	}

	@Test
	void offsetsWithoutRecordsAreNotMistakenForRecordsMissingFromTheDatabase() {
		String id = unique("wi");
		// Each transaction's commit marker takes the offset after its record, so the
		// database's position after one transaction is an offset no record will have.
		try (KafkaProducer<byte[], byte[]> producer = KAFKA.transactionalProducer(unique("tx"))) {
			for (int version = 1; version <= 3; version++) {
				producer.beginTransaction();
				producer.send(Events.instance(id).with("name", "v" + version).version(version).record());
				producer.commitTransaction();
				String expected = "v" + version;
				eventually().untilAsserted(() -> assertThat(instanceName(id)).isEqualTo(expected));
			}
		}
	}

	private void awaitMarkerAfter(String key) {
		awaitMarkerAfter(key, "workflow.instances");
	}

	// Records of one topic and key are applied in order: once a marker sent after them
	// is in the database, so are they.
	private void awaitMarkerAfter(String key, String topic) {
		String marker = unique("marker");
		ProducerRecord<byte[], byte[]> record = Events.instance(marker).version(1).record(topic);
		KAFKA.send(new ProducerRecord<>(topic, null, key.getBytes(), record.value(), record.headers()));
		awaitInstance(marker);
	}

	private long xmin(String id) {
		return this.jdbc.sql("SELECT xmin::text::bigint FROM WorkflowInstances WHERE Id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private String instanceName(String id) {
		return this.jdbc.sql("SELECT Name FROM WorkflowInstances WHERE Id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private List<String> tags(String definitionRowId) {
		return this.jdbc.sql("SELECT Tag FROM WorkflowTags WHERE WorkflowDefinitionId = ? ORDER BY Tag")
			.param(definitionRowId)
			.query(String.class)
			.list();
	}

}

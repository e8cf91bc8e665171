package io.workflowpersistence.worker.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.events.ActivityExecutionRecord;
import io.workflowpersistence.events.Bookmark;
import io.workflowpersistence.events.Entity;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.events.WorkflowInstance;
import io.workflowpersistence.worker.testing.DatabaseUsers;
import io.workflowpersistence.worker.testing.TableSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention's rule on the ingest path, on a real PostgreSQL and as the worker's user: an
 * upsert of an instance finished longer ago than its time-to-live is applied as its
 * removal (children included, counts kept right), and no later event of the instance or
 * of its children writes it again, whatever its version.
 */
class InstanceExpiryIntegrationTests {

	private static final Instant NOW = Instant.now();

	private static DatabaseInfo database;

	private static EntityStore store;

	private static OrphanSweep orphans;

	private static JdbcClient jdbc;

	private static TransactionTemplate transaction;

	@BeforeAll
	static void database() {
		database = DatabaseUsers.create("expiry").worker();
		JdbcTemplate template = new JdbcTemplate(database.dataSource());
		// Thirty days, as WORKER_RETENTION_FINISHED_INSTANCES=30d.
		store = new EntityStore(template, new TagStore(template), (instance) -> instance.finishedAt() != null
				&& instance.finishedAt().isBefore(Instant.now().minus(Duration.ofDays(30))));
		orphans = new OrphanSweep(template);
		jdbc = JdbcClient.create(template);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(template.getDataSource()));
	}

	@Test
	void anExpiredUpsertRemovesTheInstanceAndItsChildrenAndRecordsIt() {
		apply(instance("x-1", 1, null), activity("x-1-a", "x-1"), bookmark("x-1-b", "x-1"));
		assertThat(count("WorkflowInstances", "x-1")).isOne();

		apply(instance("x-1", 2, NOW.minus(Duration.ofDays(31))));

		assertThat(count("WorkflowInstances", "x-1")).isZero();
		assertThat(count("ActivityExecutionRecords", "x-1")).isZero();
		assertThat(count("Bookmarks", "x-1")).isZero();
		assertThat(removed("x-1")).isTrue();
		assertThat(TableSnapshot.of(database.dataSource()).get("InstanceCountDeltas"))
			.isEqualTo(TableSnapshot.countedInstances(database.dataSource()));
	}

	@Test
	void childrenInTheSameBatchAsTheExpiredUpsertAreNotWritten() {
		apply(activity("x-2-a", "x-2"), instance("x-2", 2, NOW.minus(Duration.ofDays(40))), bookmark("x-2-b", "x-2"));

		assertThat(count("WorkflowInstances", "x-2")).isZero();
		assertThat(count("ActivityExecutionRecords", "x-2")).isZero();
		assertThat(count("Bookmarks", "x-2")).isZero();
		assertThat(removed("x-2")).isTrue();
	}

	@Test
	void noLaterEventOfARemovedInstanceOrItsChildrenWritesItAgain() {
		apply(instance("x-3", 5, NOW.minus(Duration.ofDays(60))));

		apply(instance("x-3", 1, null));
		apply(instance("x-3", 9, null));
		apply(activity("x-3-late", "x-3"), bookmark("x-3-late-b", "x-3"));

		assertThat(count("WorkflowInstances", "x-3")).isZero();
		assertThat(count("ActivityExecutionRecords", "x-3")).isZero();
		assertThat(count("Bookmarks", "x-3")).isZero();
	}

	@Test
	void anExpiredUpsertRemovesTheInstanceWhateverNewerEventsShareItsBatch() {
		// As separate batches would: the expired upsert first removes it for good.
		apply(instance("x-8", 3, null), instance("x-8", 2, NOW.minus(Duration.ofDays(31))));
		apply(delete("x-9", 3), instance("x-9", 2, NOW.minus(Duration.ofDays(31))));

		assertThat(count("WorkflowInstances", "x-8")).isZero();
		assertThat(removed("x-8")).isTrue();
		assertThat(count("WorkflowInstances", "x-9")).isZero();
		assertThat(removed("x-9")).isTrue();
		assertThat(jdbc.sql("SELECT EventVersion FROM Tombstones WHERE Id = 'x-9'").query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void ofSeveralUpsertsOfAnInstanceOnlyTheNewestIsWritten() {
		apply(instance("x-10", 2, NOW.minus(Duration.ofDays(1))), instance("x-10", 3, NOW.minus(Duration.ofDays(2))),
				instance("x-10", 1, null));

		assertThat(jdbc.sql("SELECT EventVersion FROM WorkflowInstances WHERE Id = 'x-10'").query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void runningAndRecentlyFinishedInstancesAreWritten() {
		apply(instance("x-4", 1, null), instance("x-5", 2, NOW.minus(Duration.ofDays(29))), activity("x-5-a", "x-5"));

		assertThat(count("WorkflowInstances", "x-4")).isOne();
		assertThat(count("WorkflowInstances", "x-5")).isOne();
		assertThat(count("ActivityExecutionRecords", "x-5")).isOne();
		assertThat(removed("x-4")).isFalse();
		assertThat(removed("x-5")).isFalse();
	}

	@Test
	void theSameExpiredBatchTwiceGivesTheSameRows() {
		List<WorkflowEvent> batch = List.of(instance("x-6", 2, NOW.minus(Duration.ofDays(31))),
				activity("x-6-a", "x-6"));
		apply(batch.toArray(WorkflowEvent[]::new));
		Map<String, List<Map<String, Object>>> once = TableSnapshot.of(database.dataSource());

		apply(batch.toArray(WorkflowEvent[]::new));

		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(once);
	}

	@Test
	void anInstanceARemovalRaceWroteAgainIsRemovedByTheSweepAfterCommit() {
		// As if an upsert had checked the removal record before a concurrent removal
		// committed it: the row is there although the instance is recorded as removed.
		apply(instance("x-7", 1, null), activity("x-7-a", "x-7"));
		JdbcClient.create(database.dataSource())
			.sql("INSERT INTO RemovedInstances (Id, FinishedAt) VALUES ('x-7', now() - interval '40 days')")
			.update();
		WorkflowEvent replayed = instance("x-7", 1, null);

		orphans.sweep(List.of(replayed));

		assertThat(count("WorkflowInstances", "x-7")).isZero();
		assertThat(count("ActivityExecutionRecords", "x-7")).isZero();
	}

	@Test
	void thePeriodicSweepRemovesWhatARecentRemovalLeftBehind() {
		// As if a worker crashed between committing a removal and its sweep after commit.
		apply(instance("x-11", 1, null), activity("x-11-a", "x-11"), bookmark("x-11-b", "x-11"));
		JdbcClient.create(database.dataSource())
			.sql("INSERT INTO RemovedInstances (Id, FinishedAt) VALUES ('x-11', now() - interval '40 days')")
			.update();

		orphans.sweepAll();

		assertThat(count("WorkflowInstances", "x-11")).isZero();
		assertThat(count("ActivityExecutionRecords", "x-11")).isZero();
		assertThat(count("Bookmarks", "x-11")).isZero();
	}

	private static void apply(WorkflowEvent... events) {
		transaction.executeWithoutResult((status) -> store.applyAll(List.of(events)));
		orphans.sweep(List.of(events));
	}

	private static long count(String table, String instanceId) {
		String column = table.equals("WorkflowInstances") ? "Id" : "WorkflowInstanceId";
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")
			.param(instanceId)
			.query(Long.class)
			.single();
	}

	private static boolean removed(String id) {
		return jdbc.sql("SELECT count(*) FROM RemovedInstances WHERE Id = ?").param(id).query(Long.class).single() > 0;
	}

	private static WorkflowEvent instance(String id, long version, Instant finishedAt) {
		return event(EntityType.WORKFLOW_INSTANCE, id, version, new WorkflowInstance(id, "def", "def:v1", 1,
				(finishedAt != null) ? "Finished" : "Running", null, null, id, "{}", null, null, finishedAt));
	}

	private static WorkflowEvent delete(String id, long version) {
		return new WorkflowEvent("e", "/t", EntityType.WORKFLOW_INSTANCE, Operation.DELETED, id,
				new OrderingKey(version, null), null);
	}

	private static WorkflowEvent activity(String id, String instanceId) {
		return event(EntityType.WORKFLOW_ACTIVITY, id, 1,
				new ActivityExecutionRecord(id, instanceId, "a1", null, null, null, "Running", null, null, null, null));
	}

	private static WorkflowEvent bookmark(String id, String instanceId) {
		return event(EntityType.WORKFLOW_BOOKMARK, id, 1,
				new Bookmark(id, instanceId, null, null, null, "HASH-" + id, null, null));
	}

	private static WorkflowEvent event(EntityType type, String id, long version, Entity entity) {
		return new WorkflowEvent("e", "/t", type, Operation.UPSERTED, id, new OrderingKey(version, null), entity);
	}

}

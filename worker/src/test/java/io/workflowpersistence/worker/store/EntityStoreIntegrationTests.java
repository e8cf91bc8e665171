package io.workflowpersistence.worker.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.events.ActivityExecutionRecord;
import io.workflowpersistence.events.Bookmark;
import io.workflowpersistence.events.CustomActivityDefinition;
import io.workflowpersistence.events.Entity;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.Trigger;
import io.workflowpersistence.events.WorkflowCategory;
import io.workflowpersistence.events.WorkflowDefinition;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.events.WorkflowInstance;
import io.workflowpersistence.worker.testing.DatabaseUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every family through {@link EntityStore} on a real PostgreSQL: the same batch twice
 * gives the same rows, an older event never overwrites a newer one, deletes leave
 * tombstones that only a newer upsert overcomes, and no child of a deleted instance
 * survives a race with its delete.
 */
class EntityStoreIntegrationTests {

	static DatabaseInfo database;

	static EntityStore store;

	static OrphanSweep orphans;

	static JdbcClient jdbc;

	static TransactionTemplate transaction;

	@BeforeAll
	static void database() {
		database = DatabaseUsers.create("store").worker();
		JdbcTemplate template = new JdbcTemplate(database.dataSource());
		store = new EntityStore(template, new TagStore(template));
		orphans = new OrphanSweep(template);
		jdbc = JdbcClient.create(template);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(template.getDataSource()));
	}

	static Stream<Arguments> families() {
		return Stream.of(family("WorkflowDefinitions", EntityType.WORKFLOW_DEFINITION,
				(name) -> new WorkflowDefinition(name, "def", 1, name, "Display", "text", true, false, "{\"a\": 1}",
						Instant.parse("2026-01-01T00:00:00Z"), null, UUID.randomUUID(), List.of("t1"))),
				family("WorkflowInstances", EntityType.WORKFLOW_INSTANCE,
						(name) -> new WorkflowInstance(name, "def", "def:v1", 1, "Running", null, "c", name,
								"{\"v\": [1, 2]}", Instant.parse("2026-01-01T00:00:00Z"), null, null)),
				family("ActivityExecutionRecords", EntityType.WORKFLOW_ACTIVITY,
						(name) -> new ActivityExecutionRecord(name, "wi", "a1", "n1", name, "T", "Running", null, null,
								Instant.parse("2026-01-01T00:00:00Z"), null)),
				family("Bookmarks", EntityType.WORKFLOW_BOOKMARK,
						(name) -> new Bookmark(name, "wi", "a1", "n1", name, "H", "{}", null)),
				family("Triggers", EntityType.WORKFLOW_TRIGGER,
						(name) -> new Trigger(name, "def", "def:v1", "a1", name, "H", "{\"path\": \"/x\"}")),
				family("WorkflowCategories", EntityType.WORKFLOW_CATEGORY,
						(name) -> new WorkflowCategory(UUID.nameUUIDFromBytes(name.getBytes()), name, null, "#FFFFFF",
								null, null)),
				family("CustomActivityDefinitions", EntityType.ACTIVITY_DEFINITION,
						(name) -> new CustomActivityDefinition(UUID.nameUUIDFromBytes(name.getBytes()), name, name,
								null, "Cat", "[]", "[]", "Asm", "Type", "1.0", true, null, null)));
	}

	private static Arguments family(String table, EntityType type, Function<String, Entity> entity) {
		return Arguments.of(table, type, entity);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("families")
	void theSameBatchTwiceGivesTheSameRows(String table, EntityType type, Function<String, Entity> entity) {
		List<WorkflowEvent> batch = Stream.of("a", "b", "c")
			.map((name) -> upsert(type, entity.apply(UUID.randomUUID() + name), 1))
			.toList();
		apply(batch);
		List<Map<String, Object>> first = rows(table);
		Map<EntityType, Integer> second = apply(batch);
		assertThat(second.getOrDefault(type, 0)).isZero();
		assertThat(rows(table)).isEqualTo(first);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("families")
	void anOlderEventDoesNotOverwriteANewerOne(String table, EntityType type, Function<String, Entity> entity) {
		String name = UUID.randomUUID().toString();
		Entity newer = entity.apply(name);
		apply(List.of(upsert(type, newer, 5)));
		List<Map<String, Object>> stored = rows(table);
		// Were it written, its EventVersion and the row's xmin would change.
		assertThat(apply(List.of(upsert(type, newer, 4))).getOrDefault(type, 0)).isZero();
		assertThat(rows(table)).isEqualTo(stored);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("families")
	void aDeleteLeavesATombstoneThatOnlyANewerUpsertOvercomes(String table, EntityType type,
			Function<String, Entity> entity) {
		Entity row = entity.apply(UUID.randomUUID().toString());
		apply(List.of(upsert(type, row, 1)));
		apply(List.of(new WorkflowEvent("e", "/t", type, Operation.DELETED, row.entityId(), new OrderingKey(3L, null),
				null)));
		assertThat(exists(table, row)).isFalse();
		apply(List.of(upsert(type, row, 2)));
		assertThat(exists(table, row)).isFalse();
		apply(List.of(upsert(type, row, 4)));
		assertThat(exists(table, row)).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM Tombstones WHERE Id = ?")
			.param(row.entityId())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * A child write and its instance's delete in two transactions at once, each blind to
	 * the other's uncommitted rows, committing in either order; each sweeps after its
	 * commit, as a batch does.
	 */
	@ParameterizedTest(name = "the {0} commits first")
	@ValueSource(strings = { "child write", "instance delete" })
	void aConcurrentChildWriteAndInstanceDeleteLeaveNoOrphan(String first) throws Exception {
		String instance = UUID.randomUUID().toString();
		applyAndSweep(List.of(upsert(EntityType.WORKFLOW_INSTANCE,
				new WorkflowInstance(instance, "def", null, null, "Running", null, null, null, null, null, null, null),
				1)));
		List<WorkflowEvent> childWrite = List.of(
				upsert(EntityType.WORKFLOW_ACTIVITY,
						new ActivityExecutionRecord("aer-" + instance, instance, "a1", null, null, null, "Running",
								null, null, null, null),
						1),
				upsert(EntityType.WORKFLOW_BOOKMARK,
						new Bookmark("bm-" + instance, instance, "a1", null, null, "H", null, null), 1));
		List<WorkflowEvent> instanceDelete = List.of(new WorkflowEvent("e", "/t", EntityType.WORKFLOW_INSTANCE,
				Operation.DELETED, instance, new OrderingKey(2L, null), null));
		boolean childFirst = first.equals("child write");
		List<WorkflowEvent> firstBatch = childFirst ? childWrite : instanceDelete;
		List<WorkflowEvent> secondBatch = childFirst ? instanceDelete : childWrite;
		CountDownLatch firstApplied = new CountDownLatch(1);
		CountDownLatch secondApplied = new CountDownLatch(1);
		CountDownLatch firstSwept = new CountDownLatch(1);
		CompletableFuture<Void> firstTransaction = CompletableFuture.runAsync(() -> {
			transaction.executeWithoutResult((status) -> {
				store.applyAll(firstBatch);
				firstApplied.countDown();
				await(secondApplied);
			});
			orphans.sweep(firstBatch);
			firstSwept.countDown();
		});
		await(firstApplied);
		transaction.executeWithoutResult((status) -> {
			store.applyAll(secondBatch);
			secondApplied.countDown();
			await(firstSwept);
		});
		firstTransaction.get(30, TimeUnit.SECONDS);
		assertThat(children(instance)).as("both committed, the race left the children").isEqualTo(2);

		orphans.sweep(secondBatch);

		assertThat(children(instance)).isZero();
	}

	@Test
	void sweepingEveryDeletedInstanceRemovesTheChildrenACrashLeftBehind() {
		String deleted = UUID.randomUUID().toString();
		String live = UUID.randomUUID().toString();
		for (String instance : List.of(deleted, live)) {
			apply(List.of(
					upsert(EntityType.WORKFLOW_ACTIVITY,
							new ActivityExecutionRecord("aer-" + instance, instance, "a1", null, null, null, "Running",
									null, null, null, null),
							1),
					upsert(EntityType.WORKFLOW_BOOKMARK,
							new Bookmark("bm-" + instance, instance, "a1", null, null, "H", null, null), 1)));
		}
		// The instance's tombstone, committed without its sweep having run.
		jdbc.sql("INSERT INTO Tombstones (EntityType, Id, EventVersion) VALUES ('workflow.instance', ?, 2)")
			.param(deleted)
			.update();

		assertThat(orphans.sweepAll()).isGreaterThanOrEqualTo(2);

		assertThat(children(deleted)).isZero();
		assertThat(children(live)).isEqualTo(2);
	}

	@Test
	void tombstonesAreKeptForTheRetentionAndPurgedAfterIt() {
		String expired = UUID.randomUUID().toString();
		String kept = UUID.randomUUID().toString();
		for (String id : List.of(expired, kept)) {
			apply(List.of(new WorkflowEvent("e", "/t", EntityType.WORKFLOW_TRIGGER, Operation.DELETED, id,
					new OrderingKey(5L, null), null)));
		}
		jdbc.sql("UPDATE Tombstones SET DeletedAt = now() - interval '8 days' WHERE Id = ?").param(expired).update();

		new TombstoneStore(new JdbcTemplate(database.dataSource())).purgeOlderThan(Duration.ofDays(7));

		assertThat(jdbc.sql("SELECT Id FROM Tombstones WHERE Id IN (?, ?)")
			.params(expired, kept)
			.query(String.class)
			.list()).containsExactly(kept);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long children(String instance) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = :id)
				     + (SELECT count(*) FROM Bookmarks WHERE WorkflowInstanceId = :id)
				""").param("id", instance).query(Long.class).single();
	}

	private static Map<EntityType, Integer> apply(List<WorkflowEvent> events) {
		return transaction.execute((status) -> store.applyAll(events));
	}

	private static void applyAndSweep(List<WorkflowEvent> events) {
		apply(events);
		orphans.sweep(events);
	}

	private static WorkflowEvent upsert(EntityType type, Entity entity, long version) {
		return new WorkflowEvent("evt", "/tests", type, Operation.UPSERTED, entity.entityId(),
				new OrderingKey(version, null), entity);
	}

	private static boolean exists(String table, Entity entity) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE Id::text = ?")
			.param(entity.entityId())
			.query(Long.class)
			.single() == 1;
	}

	private static List<Map<String, Object>> rows(String table) {
		return jdbc.sql("SELECT *, xmin::text AS version FROM " + table + " ORDER BY Id").query().listOfRows();
	}

}

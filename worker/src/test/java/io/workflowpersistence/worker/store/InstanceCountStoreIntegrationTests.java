package io.workflowpersistence.worker.store;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.workflowpersistence.db.testing.InstanceCounts;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.events.WorkflowInstance;
import io.workflowpersistence.worker.testing.DatabaseUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance counts the triggers of {@code WorkflowInstances} keep, written through the
 * worker's own statements as its DML-only user, always equal counting the instances:
 * after inserts, upserts that change a status or keep it, stale upserts, deletes, writers
 * and compactions running at once, and a TRUNCATE.
 */
class InstanceCountStoreIntegrationTests {

	private static final List<String> DEFINITIONS = List.of("def-a", "def-b", "def-c");

	private static final List<String> STATUSES = List.of("Running", "Finished", "Faulted");

	private static final List<String> SUB_STATUSES = new ArrayList<>(List.of("Executing", "Suspended"));

	static {
		SUB_STATUSES.add(null);
	}

	private static DatabaseUsers users;

	private static EntityStore store;

	private static InstanceCountStore counts;

	private static TransactionTemplate transaction;

	@BeforeAll
	static void database() {
		users = DatabaseUsers.create("instance_counts");
		JdbcTemplate template = new JdbcTemplate(users.worker().dataSource());
		store = new EntityStore(template, new TagStore(template));
		counts = new InstanceCountStore(template);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(template.getDataSource()));
	}

	@BeforeEach
	void emptyTables() {
		new JdbcTemplate(users.owner().dataSource()).execute("TRUNCATE WorkflowInstances, Tombstones");
	}

	@Test
	void countsFollowInsertsStatusChangesAndDeletes() {
		apply(List.of(upsert("i-1", "def-a", "Running", "Executing", 1), upsert("i-2", "def-a", "Running", null, 1),
				upsert("i-3", "def-b", "Running", "Suspended", 1), upsert("i-4", "def-b", "Finished", null, 1)));
		assertThat(kept()).isEqualTo(Map.of("def-a/Running/Executing", 1L, "def-a/Running/-", 1L,
				"def-b/Running/Suspended", 1L, "def-b/Finished/-", 1L));
		// A status change, a newer version that keeps the status, a stale version and a
		// new instance, in one upsert statement.
		apply(List.of(upsert("i-1", "def-a", "Finished", null, 2), upsert("i-2", "def-a", "Running", null, 2),
				upsert("i-3", "def-b", "Faulted", null, 0), upsert("i-5", "def-c", "Running", "Suspended", 1)));
		assertThat(kept()).isEqualTo(actual())
			.isEqualTo(Map.of("def-a/Finished/-", 1L, "def-a/Running/-", 1L, "def-b/Running/Suspended", 1L,
					"def-b/Finished/-", 1L, "def-c/Running/Suspended", 1L));
		apply(List.of(delete("i-4", 2), delete("i-5", 0), delete("unknown", 1)));
		assertThat(kept()).isEqualTo(actual()).doesNotContainKey("def-b/Finished/-");
		apply(List.of(upsert("i-4", "def-b", "Finished", null, 3)));
		assertThat(kept()).isEqualTo(actual()).containsEntry("def-b/Finished/-", 1L);
	}

	@Test
	void compactionKeepsOneRowPerGroupAndTheSameCounts() {
		for (int version = 1; version <= 5; version++) {
			apply(List.of(upsert("i-1", "def-a", STATUSES.get(version % 3), null, version),
					upsert("i-2", "def-a", "Running", null, version)));
		}
		apply(List.of(delete("i-2", 9)));
		Map<String, Long> before = kept();
		counts.compact();
		assertThat(kept()).isEqualTo(before).isEqualTo(actual());
		assertThat(deltaRows()).isEqualTo(before.size());
		assertThat(counts.compact()).isZero();
	}

	@Test
	void countsStayRightWithConcurrentWritersAndCompactions() throws Exception {
		AtomicBoolean writing = new AtomicBoolean(true);
		CompletableFuture<Void> compactions = CompletableFuture.runAsync(() -> {
			while (writing.get()) {
				counts.compact();
			}
		});
		List<CompletableFuture<Void>> writers = new ArrayList<>();
		for (int writer = 0; writer < 3; writer++) {
			int seed = writer;
			writers.add(CompletableFuture.runAsync(() -> writeRandomBatches("w" + seed, new Random(seed), 40)));
		}
		CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
		writing.set(false);
		compactions.get(1, TimeUnit.MINUTES);
		assertThat(actual()).isNotEmpty();
		assertThat(kept()).isEqualTo(actual());
		counts.compact();
		assertThat(kept()).isEqualTo(actual());
		assertThat(deltaRows()).isEqualTo(actual().size());
	}

	@Test
	void aTruncateForgetsTheCounts() {
		apply(List.of(upsert("i-1", "def-a", "Running", null, 1), upsert("i-2", "def-b", "Running", null, 1)));
		new JdbcTemplate(users.owner().dataSource())
			.execute("TRUNCATE " + String.join(", ", SchemaStores.eventTables()));
		assertThat(kept()).isEmpty();
		apply(List.of(upsert("i-1", "def-a", "Finished", null, 1)));
		assertThat(kept()).isEqualTo(actual()).isEqualTo(Map.of("def-a/Finished/-", 1L));
	}

	@Test
	void aTruncateWaitsForACompactionInProgressAndForgetsItsRowsToo() throws Exception {
		apply(List.of(upsert("i-1", "def-a", "Running", null, 1)));
		apply(List.of(upsert("i-2", "def-a", "Running", null, 1)));
		CompletableFuture<Void> truncate;
		try (Connection compaction = users.worker().dataSource().getConnection()) {
			compaction.setAutoCommit(false);
			JdbcTemplate uncommitted = new JdbcTemplate(new SingleConnectionDataSource(compaction, true));
			assertThat(new InstanceCountStore(uncommitted).compact()).isPositive();
			truncate = CompletableFuture
				.runAsync(() -> new JdbcTemplate(users.owner().dataSource()).execute("TRUNCATE WorkflowInstances"));
			CompletableFuture<Void> waiting = truncate;
			Awaitility.await()
				.during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(5))
				.until(() -> !waiting.isDone());
			compaction.commit();
		}
		truncate.get(30, TimeUnit.SECONDS);
		assertThat(deltaRows()).isZero();
		assertThat(kept()).isEqualTo(actual()).isEmpty();
	}

	private static void writeRandomBatches(String prefix, Random random, int batches) {
		Map<String, Long> versions = new TreeMap<>();
		for (int batch = 0; batch < batches; batch++) {
			Map<String, WorkflowEvent> events = new TreeMap<>();
			for (int event = 0; event < 30; event++) {
				String id = prefix + "-" + random.nextInt(60);
				long version = versions.merge(id, 1L + random.nextInt(2), Long::sum);
				events.put(id, (random.nextInt(6) == 0) ? delete(id, version) : upsert(id, pick(random, DEFINITIONS),
						pick(random, STATUSES), pick(random, SUB_STATUSES), version));
			}
			apply(List.copyOf(events.values()));
		}
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static void apply(List<WorkflowEvent> events) {
		transaction.executeWithoutResult((status) -> store.applyAll(events));
	}

	private static WorkflowEvent upsert(String id, String definitionId, String status, String subStatus, long version) {
		WorkflowInstance instance = new WorkflowInstance(id, definitionId, definitionId + ":v1", 1, status, subStatus,
				null, "Instance " + id, "{}", null, null, null);
		return new WorkflowEvent("evt", "/tests", EntityType.WORKFLOW_INSTANCE, Operation.UPSERTED, id,
				new OrderingKey(version, null), instance);
	}

	private static WorkflowEvent delete(String id, long version) {
		return new WorkflowEvent("evt", "/tests", EntityType.WORKFLOW_INSTANCE, Operation.DELETED, id,
				new OrderingKey(version, null), null);
	}

	private static Map<String, Long> kept() {
		return InstanceCounts.kept(users.reader().dataSource());
	}

	private static Map<String, Long> actual() {
		return InstanceCounts.counted(users.owner().dataSource());
	}

	private static long deltaRows() {
		return InstanceCounts.deltaRows(users.owner().dataSource());
	}

}

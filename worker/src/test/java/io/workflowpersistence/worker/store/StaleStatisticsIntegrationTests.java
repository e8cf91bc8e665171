package io.workflowpersistence.worker.store;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.workflowpersistence.events.Bookmark;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.worker.testing.DatabaseUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch reads the tombstones of its own entities, not every tombstone of the family,
 * when the statistics of {@code Tombstones} are older than its contents: the state of
 * every table of a first run or a rebuild, and of a live one between two analyses. Here
 * the statistics say there are no bookmark tombstones while 20,000 exist.
 */
class StaleStatisticsIntegrationTests {

	private static final int TOMBSTONES = 20_000;

	static DatabaseUsers users;

	static EntityStore store;

	static JdbcClient worker;

	static TransactionTemplate transaction;

	@BeforeAll
	static void tombstonesTheStatisticsDoNotKnow() {
		users = DatabaseUsers.create("stale");
		JdbcClient admin = JdbcClient.create(users.admin().dataSource());
		admin.sql("ALTER TABLE Tombstones SET (autovacuum_enabled = false)").update();
		admin.sql("""
				INSERT INTO Tombstones (EntityType, Id, EventVersion)
				SELECT 'workflow.instance', 'instance-' || i, 1 FROM generate_series(1, 200) AS i""").update();
		admin.sql("ANALYZE Tombstones").update();
		admin.sql("""
				INSERT INTO Tombstones (EntityType, Id, EventVersion)
				SELECT 'workflow.bookmark', 'bookmark-' || i, 1 FROM generate_series(1, ?) AS i""")
			.param(TOMBSTONES)
			.update();
		JdbcTemplate template = new JdbcTemplate(users.worker().dataSource());
		store = new EntityStore(template, new TagStore(template));
		worker = JdbcClient.create(template);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(template.getDataSource()));
	}

	@Test
	void anUpsertLooksUpTheTombstonesOfItsOwnRowsOnly() {
		List<WorkflowEvent> batch = IntStream.range(0, 20).mapToObj((i) -> bookmark("new-" + i)).toList();
		long read = transaction.execute((status) -> {
			store.applyAll(batch);
			return tombstonesRead();
		});
		assertThat(read).as("tombstone rows read for a batch of %d", batch.size()).isLessThan(TOMBSTONES / 100);
	}

	@Test
	void anUpsertOfADeletedBookmarkStillRemovesItsTombstone() {
		List<WorkflowEvent> batch = List.of(bookmark("bookmark-7"), bookmark("new-" + UUID.randomUUID()));
		long read = transaction.execute((status) -> {
			store.applyAll(batch);
			return tombstonesRead();
		});
		assertThat(read).isLessThan(TOMBSTONES / 100);
		assertThat(JdbcClient.create(users.admin().dataSource())
			.sql("SELECT count(*) FROM Tombstones WHERE Id = 'bookmark-7'")
			.query(Long.class)
			.single()).isZero();
	}

	// Rows of Tombstones the current transaction has read so far, by any scan.
	private static long tombstonesRead() {
		return worker.sql("""
				SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
				FROM pg_stat_xact_user_tables WHERE relname = 'tombstones'""").query(Long.class).single();
	}

	private static WorkflowEvent bookmark(String id) {
		return new WorkflowEvent("evt", "/tests", EntityType.WORKFLOW_BOOKMARK, Operation.UPSERTED, id,
				new OrderingKey(2L, null), new Bookmark(id, "wi", "a1", "n1", id, "H", "{}", null));
	}

}

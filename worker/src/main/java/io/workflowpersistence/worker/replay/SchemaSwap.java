package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.workflowpersistence.worker.replay.SchemaObjects.SchemaObject;
import io.workflowpersistence.worker.store.OffsetStore;
import io.workflowpersistence.worker.store.SchemaStores;
import org.apache.kafka.common.TopicPartition;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a rebuilt schema in the place of the live one in one transaction: the live objects
 * move to a schema of retired ones, the rebuilt ones move into the live schema, and the
 * live consumer group is given the rebuild's positions. Objects are moved rather than
 * schemas renamed so that the live schema, its privileges and its extensions stay where
 * they are, and so that every session's cached plans are invalidated and resolve the
 * names again: live workers and the read API go on in the new tables on their existing
 * connections. A live worker whose position is past the rebuild's finds the database
 * behind it and reads those records again, so nothing is lost or applied twice.
 */
final class SchemaSwap {

	private final JdbcTemplate jdbc;

	private final OffsetStore offsets;

	private final TransactionTemplate transaction;

	SchemaSwap(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.offsets = SchemaStores.on(this.jdbc).offsets();
		this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	/**
	 * Swaps the schemas and returns what it did.
	 * @param live the live schema
	 * @param fresh the rebuilt schema, dropped once empty
	 * @param retired the schema created for the replaced objects
	 * @param liveGroup the live consumer group
	 * @param positions the rebuild's positions: every record before is in the fresh
	 * schema
	 */
	Result swap(String live, String fresh, String retired, String liveGroup, Map<TopicPartition, Long> positions) {
		return LockRetry.run("Swapping the schemas", () -> {
			long started = System.nanoTime();
			Result result = this.transaction.execute((status) -> swapOnce(live, fresh, retired, liveGroup, positions));
			return new Result(Duration.ofNanos(System.nanoTime() - started), result.livePositions(), result.grants(),
					result.kept());
		});
	}

	private Result swapOnce(String live, String fresh, String retired, String liveGroup,
			Map<TopicPartition, Long> positions) {
		this.jdbc.execute(LockRetry.LOCK_TIMEOUT);
		List<SchemaObject> freshObjects = SchemaObjects.list(this.jdbc, fresh);
		Set<String> rebuilt = freshObjects.stream().map(SchemaObject::identity).collect(Collectors.toSet());
		List<SchemaObject> liveObjects = SchemaObjects.list(this.jdbc, live);
		List<SchemaObject> replaced = liveObjects.stream()
			.filter((object) -> rebuilt.contains(object.identity()))
			.toList();
		lockTables(live, replaced);
		Map<TopicPartition, Long> livePositions = livePositions(live, liveObjects, liveGroup);
		this.offsets.handOver(fresh, liveGroup, positions);
		int grants = TablePrivileges.copy(this.jdbc, live, liveObjects, fresh, freshObjects);
		this.jdbc.execute("CREATE SCHEMA " + retired);
		replaced.forEach((object) -> move(object, live, retired));
		freshObjects.forEach((object) -> move(object, fresh, live));
		SchemaObjects.extensionsIn(this.jdbc, fresh)
			.forEach((extension) -> this.jdbc.execute("ALTER EXTENSION " + extension + " SET SCHEMA " + live));
		this.jdbc.execute("DROP SCHEMA " + fresh);
		List<String> kept = liveObjects.stream()
			.filter((object) -> !rebuilt.contains(object.identity()))
			.map((object) -> object.kind().toLowerCase() + " " + object.identity())
			.toList();
		return new Result(Duration.ZERO, livePositions, grants, kept);
	}

	// The positions first: a live batch takes them first too, so it is either done
	// before the swap or waits for it, and never holds a table the swap waits for.
	private void lockTables(String live, List<SchemaObject> replaced) {
		List<String> tables = new ArrayList<>(
				replaced.stream().filter(SchemaObject::isTable).map(SchemaObject::name).toList());
		tables.sort(
				Comparator.comparing((String table) -> !table.equals("consumeroffsets")).thenComparing(table -> table));
		for (String table : tables) {
			this.jdbc.execute("LOCK TABLE " + live + "." + table + " IN ACCESS EXCLUSIVE MODE");
		}
	}

	private Map<TopicPartition, Long> livePositions(String live, List<SchemaObject> liveObjects, String liveGroup) {
		if (liveObjects.stream().anyMatch((object) -> object.name().equals("consumeroffsets"))) {
			return this.offsets.findPositions(live, liveGroup);
		}
		return Map.of();
	}

	private void move(SchemaObject object, String from, String to) {
		this.jdbc.execute("ALTER " + object.kind() + " " + object.in(from) + " SET SCHEMA " + to);
	}

	/**
	 * What a swap did.
	 *
	 * @param took how long the swap's transaction ran, waiting for locks included
	 * @param livePositions where the live group stood in the replaced schema
	 * @param grants the privileges copied onto the rebuilt tables
	 * @param kept live objects the rebuild has no counterpart of, left in the live schema
	 */
	record Result(Duration took, Map<TopicPartition, Long> livePositions, int grants, List<String> kept) {
	}

}

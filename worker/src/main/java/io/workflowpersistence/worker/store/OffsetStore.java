package io.workflowpersistence.worker.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.worker.store.SqlArrays.TypedArray;
import org.apache.kafka.common.TopicPartition;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The position of the topics the database reflects, per consumer group and partition
 * (docs/contract.md, rule 6). It is written in the same transaction as the rows it
 * applied, so after any crash it names exactly the first record not yet applied.
 */
@Repository
public class OffsetStore {

	// Creates missing rows (at the batch's first offset) and locks all of them for the
	// rest
	// of the transaction, so two consumers that briefly hold the same partition (a
	// rebalance) apply each record once.
	private static final String LOCK_POSITIONS = """
			INSERT INTO ConsumerOffsets AS stored (GroupId, Topic, PartitionId, NextOffset)
			SELECT ?, t.Topic, t.PartitionId, t.FirstOffset
			FROM unnest(?::varchar[], ?::int[], ?::bigint[]) AS t(Topic, PartitionId, FirstOffset)
			ORDER BY t.Topic, t.PartitionId
			ON CONFLICT (GroupId, Topic, PartitionId) DO UPDATE SET NextOffset = stored.NextOffset
			RETURNING Topic, PartitionId, NextOffset
			""";

	private static final String ADVANCE_POSITIONS = """
			UPDATE ConsumerOffsets AS stored
			SET NextOffset = t.NextOffset, UpdatedAt = now()
			FROM unnest(?::varchar[], ?::int[], ?::bigint[]) AS t(Topic, PartitionId, NextOffset)
			WHERE stored.GroupId = ? AND stored.Topic = t.Topic AND stored.PartitionId = t.PartitionId
			  AND stored.NextOffset < t.NextOffset
			""";

	private static final String FIND_POSITIONS = """
			SELECT Topic, PartitionId, NextOffset FROM ConsumerOffsets WHERE GroupId = ?
			""";

	private static final String FIND_POSITIONS_IN = """
			SELECT Topic, PartitionId, NextOffset FROM %s.ConsumerOffsets WHERE GroupId = ?
			""";

	// Unlike advance, the rebuild's hand-over may move a position backwards: the rebuilt
	// schema reflects exactly its positions, whatever the live group had reached.
	private static final String HAND_OVER = """
			INSERT INTO %s.ConsumerOffsets AS stored (GroupId, Topic, PartitionId, NextOffset)
			VALUES (?, ?, ?, ?)
			ON CONFLICT (GroupId, Topic, PartitionId) DO UPDATE SET NextOffset = EXCLUDED.NextOffset, UpdatedAt = now()
			""";

	// Blocks every batch (each locks its positions first) until the transaction ends,
	// while the positions stay readable.
	private static final String LOCK_ALL = """
			LOCK TABLE ConsumerOffsets IN EXCLUSIVE MODE
			""";

	private static final String FORGET = """
			DELETE FROM ConsumerOffsets WHERE GroupId = ?
			""";

	private final JdbcTemplate jdbc;

	OffsetStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the positions of the partitions until the transaction ends and returns them.
	 * A partition the group has never applied starts at the given first offset.
	 */
	public Map<TopicPartition, Long> lockPositions(String groupId, Map<TopicPartition, Long> firstOffsets) {
		List<TopicPartition> partitions = List.copyOf(firstOffsets.keySet());
		List<Object> parameters = List.of(groupId,
				new TypedArray("varchar", partitions.stream().map(TopicPartition::topic).toArray()),
				new TypedArray("int", partitions.stream().map(TopicPartition::partition).toArray()),
				new TypedArray("bigint", partitions.stream().map(firstOffsets::get).toArray()));
		return positions(LOCK_POSITIONS, parameters);
	}

	/**
	 * Moves the positions forward to the given next offsets; never backwards.
	 */
	public void advance(String groupId, Map<TopicPartition, Long> nextOffsets) {
		List<TopicPartition> partitions = List.copyOf(nextOffsets.keySet());
		List<Object> parameters = List.of(
				new TypedArray("varchar", partitions.stream().map(TopicPartition::topic).toArray()),
				new TypedArray("int", partitions.stream().map(TopicPartition::partition).toArray()),
				new TypedArray("bigint", partitions.stream().map(nextOffsets::get).toArray()), groupId);
		this.jdbc.update((connection) -> SqlArrays.bind(connection, ADVANCE_POSITIONS, parameters));
	}

	/**
	 * Every position recorded for the group.
	 */
	public Map<TopicPartition, Long> findPositions(String groupId) {
		return positions(FIND_POSITIONS, List.of(groupId));
	}

	/**
	 * Every position recorded for the group in the given schema, rather than the one
	 * first on the search path.
	 * @param schema the schema, a plain identifier
	 * @param groupId the consumer group
	 * @return the positions
	 */
	public Map<TopicPartition, Long> findPositions(String schema, String groupId) {
		return positions(FIND_POSITIONS_IN.formatted(schema), List.of(groupId));
	}

	/**
	 * Sets the group's positions in the given schema to exactly these, backwards too: a
	 * rebuilt schema handed over to the live group.
	 * @param schema the schema, a plain identifier
	 * @param groupId the consumer group
	 * @param positions the next offset to apply, per partition
	 */
	public void handOver(String schema, String groupId, Map<TopicPartition, Long> positions) {
		List<Object[]> rows = positions.entrySet()
			.stream()
			.map((position) -> new Object[] { groupId, position.getKey().topic(), position.getKey().partition(),
					position.getValue() })
			.toList();
		this.jdbc.batchUpdate(HAND_OVER.formatted(schema), rows);
	}

	/**
	 * Locks every position until the transaction ends, so that no batch applies
	 * meanwhile; to be called inside a transaction.
	 */
	public void lockAll() {
		this.jdbc.execute(LOCK_ALL);
	}

	/**
	 * Removes every position recorded for the group.
	 * @param groupId the consumer group
	 */
	public void forget(String groupId) {
		this.jdbc.update(FORGET, groupId);
	}

	private Map<TopicPartition, Long> positions(String sql, List<Object> parameters) {
		Map<TopicPartition, Long> positions = new HashMap<>();
		RowCallbackHandler collect = (row) -> positions.put(new TopicPartition(row.getString(1), row.getInt(2)),
				row.getLong(3));
		this.jdbc.query((connection) -> SqlArrays.bind(connection, sql, parameters), collect);
		return positions;
	}

}

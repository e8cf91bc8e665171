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
 * (CONTRACT rule 6). It is written in the same transaction as the rows it applied, so
 * after any crash it names exactly the first record not yet applied.
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

	private Map<TopicPartition, Long> positions(String sql, List<Object> parameters) {
		Map<TopicPartition, Long> positions = new HashMap<>();
		RowCallbackHandler collect = (row) -> positions.put(new TopicPartition(row.getString(1), row.getInt(2)),
				row.getLong(3));
		this.jdbc.query((connection) -> SqlArrays.bind(connection, sql, parameters), collect);
		return positions;
	}

}

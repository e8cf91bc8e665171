package io.workflowpersistence.worker.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The records a rebuild needs that the topics no longer hold: per partition, the offsets
 * between where the rebuild must start reading and the partition's log start offset,
 * which retention or a deletion of records has moved past them. A rebuild that read on
 * regardless would build tables that lack those records without knowing it.
 *
 * @param gaps the partitions that lost records, in topic and partition order
 */
record RecordsGone(Map<TopicPartition, Gap> gaps) {

	private static final String RECORDED_POSITIONS = """
			SELECT Topic, PartitionId, NextOffset FROM %s.ConsumerOffsets WHERE GroupId = ?
			""";

	/**
	 * Compares each partition's log start offset with where the rebuild starts reading
	 * it: the position given for it, else its first offset ever, 0.
	 */
	static RecordsGone find(List<TopicPartition> partitions, Map<TopicPartition, Long> logStarts,
			Map<TopicPartition, Long> starts) {
		Map<TopicPartition, Gap> gaps = new TreeMap<>(TopicOffsets.ORDER);
		for (TopicPartition partition : partitions) {
			long start = starts.getOrDefault(partition, 0L);
			long logStart = logStarts.getOrDefault(partition, 0L);
			if (logStart > start) {
				gaps.put(partition, new Gap(start, logStart));
			}
		}
		return new RecordsGone(gaps);
	}

	/**
	 * Where a rebuild of the group starts reading: the positions an interrupted rebuild
	 * recorded in the schema it resumes, none (so the first offsets) for a new schema or
	 * tables emptied in place.
	 */
	static Map<TopicPartition, Long> startingPositions(JdbcTemplate jdbc, String resumedSchema, String group) {
		Map<TopicPartition, Long> positions = new HashMap<>();
		if (resumedSchema != null && SchemaObjects.tableExists(jdbc, resumedSchema, "ConsumerOffsets")) {
			jdbc.query(RECORDED_POSITIONS.formatted(resumedSchema), (row) -> {
				positions.put(new TopicPartition(row.getString(1), row.getInt(2)), row.getLong(3));
			}, group);
		}
		return positions;
	}

	boolean none() {
		return this.gaps.isEmpty();
	}

	long offsets() {
		return this.gaps.values().stream().mapToLong(Gap::count).sum();
	}

	/**
	 * One line per partition that lost records, e.g.
	 * {@code workflow.instances-0: 120 offsets gone (reading starts at 0, the log at 120)}.
	 */
	List<String> describe() {
		List<String> lines = new ArrayList<>();
		this.gaps.forEach((partition, gap) -> lines
			.add(String.format("  %s: %,d offsets gone (reading starts at %d, the log at %d)", partition, gap.count(),
					gap.from(), gap.logStart())));
		return lines;
	}

	/**
	 * The refusal of a rebuild, naming what is gone and how to go on knowingly.
	 */
	String refusal() {
		return String.format(
				"Records are gone from the topics: %,d offsets of %d partitions, removed by retention or a deletion of "
						+ "records. A rebuild would lack them; nothing was changed.%n%s%nKeep the topics' records for "
						+ "good (retention.ms=-1, retention.bytes=-1, cleanup.policy=delete), or add --allow-incomplete "
						+ "to rebuild from what is left.",
				offsets(), this.gaps.size(), String.join(System.lineSeparator(), describe()));
	}

	/**
	 * Offsets gone from one partition: those from where reading starts up to the log
	 * start offset.
	 *
	 * @param from where the rebuild starts reading
	 * @param logStart the partition's first offset still held
	 */
	record Gap(long from, long logStart) {

		long count() {
			return this.logStart - this.from;
		}

	}

}

package io.workflowpersistence.worker.replay;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.common.TopicPartition;

/**
 * Where a rebuild writes: a fresh schema swapped in at the end, or the live tables
 * emptied first.
 */
interface RebuildTarget extends AutoCloseable {

	/**
	 * What the target is, for the operator.
	 */
	String describe();

	/**
	 * Makes the target ready to be written (created and migrated, or emptied) and returns
	 * connections to it, with the target first on their search path.
	 */
	DataSource prepare();

	/**
	 * Offsets the rebuild must read up to at least, beyond the end offsets taken at the
	 * start.
	 */
	Map<TopicPartition, Long> readAtLeastTo();

	/**
	 * Whether to keep reading what is published during the rebuild before finishing.
	 */
	boolean catchesUp();

	/**
	 * Finishes the rebuild that reached the given positions and says what was done.
	 */
	List<String> finish(Map<TopicPartition, Long> positions);

	/**
	 * What is left behind when the rebuild fails, and what to do about it.
	 */
	String leftBehind();

	@Override
	void close();

}

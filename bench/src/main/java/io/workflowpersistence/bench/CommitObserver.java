package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.TopicPartition;

/**
 * Watches a consumer group's positions in the database every few milliseconds and notes
 * when each range of offsets became visible as committed. The transaction that applies
 * records also advances the positions, so a record is committed no later than the start
 * of the first query that sees its partition's position past it.
 */
final class CommitObserver implements AutoCloseable {

	private static final String POSITIONS = """
			SELECT Topic, PartitionId, NextOffset FROM ConsumerOffsets WHERE GroupId = ?
			""";

	private final Connection connection;

	private final String group;

	private final long intervalMillis;

	private final Map<TopicPartition, Long> seen = new HashMap<>();

	private final List<Commit> commits = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	CommitObserver(Connection connection, String group, long intervalMillis) {
		this.connection = connection;
		this.group = group;
		this.intervalMillis = intervalMillis;
		this.thread = new Thread(this::run, "commit-observer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	List<Commit> commits() {
		return List.copyOf(this.commits);
	}

	/**
	 * The sum of the positions seen so far.
	 */
	long applied() {
		synchronized (this.seen) {
			return this.seen.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		while (this.running) {
			long asked = System.nanoTime();
			try (PreparedStatement statement = this.connection.prepareStatement(POSITIONS)) {
				statement.setString(1, this.group);
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						note(new TopicPartition(result.getString(1), result.getInt(2)), result.getLong(3), asked);
					}
				}
			}
			catch (SQLException ex) {
				// The worker may still be migrating: the table appears soon.
			}
			try {
				Thread.sleep(this.intervalMillis);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void note(TopicPartition partition, long next, long asked) {
		synchronized (this.seen) {
			long previous = this.seen.getOrDefault(partition, 0L);
			if (next > previous) {
				this.commits.add(new Commit(partition, previous, next, asked));
				this.seen.put(partition, next);
			}
		}
	}

	/**
	 * The offsets {@code [from, to)} of a partition were seen committed by a query
	 * started at {@code nanos}.
	 */
	record Commit(TopicPartition partition, long from, long to, long nanos) {
	}

}

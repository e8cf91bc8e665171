package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * Watches what PostgreSQL does for a database while latency is measured: every 100 ms the
 * statements of its backends that have run for over 100 ms (the worker's periodic jobs,
 * autovacuum, a batch stuck on a lock), every second the checkpoints done and the
 * autovacuums and autoanalyses finished on its tables. What it saw comes out as
 * {@link Happening}s. Slightly over 200 lines: the three readings share one connection
 * and one thread, which keeps the watching to a single backend of the shared server.
 */
final class DatabaseActivity implements AutoCloseable {

	private static final long INTERVAL_MILLIS = 100;

	private static final long LONG_NANOS = 100_000_000;

	private static final String ACTIVE = """
			SELECT pid, backend_type, query_start, left(query, 300), wait_event_type, wait_event,
			       clock_timestamp() - query_start > interval '100 milliseconds'
			FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
			""";

	private static final String CHECKPOINTS_15 = """
			SELECT checkpoints_timed + checkpoints_req, checkpoint_write_time + checkpoint_sync_time
			FROM pg_stat_bgwriter
			""";

	private static final String CHECKPOINTS_17 = """
			SELECT num_timed + num_requested, write_time + sync_time FROM pg_stat_checkpointer
			""";

	private static final String MAINTENANCE = """
			SELECT relname, autovacuum_count, autoanalyze_count FROM pg_stat_user_tables
			""";

	private final Connection connection;

	private final String checkpoints;

	private final Map<String, Happening> statements = new HashMap<>();

	private final List<Happening> happenings = new CopyOnWriteArrayList<>();

	private final Map<String, Long> maintenance = new HashMap<>();

	private final Thread thread;

	private long checkpointCount = -1;

	private double checkpointMillis;

	private long lastSlowSample;

	private volatile boolean running = true;

	DatabaseActivity(DatabaseInfo database) throws SQLException {
		this.connection = Databases.connect(database);
		this.checkpoints = (this.connection.getMetaData().getDatabaseMajorVersion() >= 17) ? CHECKPOINTS_17
				: CHECKPOINTS_15;
		this.thread = new Thread(this::run, "database-activity");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * What was seen so far; a statement still running counts until it was last seen.
	 */
	List<Happening> happenings() {
		List<Happening> all = new ArrayList<>(this.happenings);
		synchronized (this.statements) {
			all.addAll(this.statements.values());
		}
		return all;
	}

	/**
	 * What a statement was, by its text: the worker's periodic jobs by name, anything
	 * else by its first words.
	 */
	static String describe(String backendType, String query, String waitEventType, String waitEvent) {
		String text = query.strip().replaceAll("\\s+", " ");
		String what;
		if (!"client backend".equals(backendType)) {
			what = (backendType.equals("autovacuum worker") ? "" : backendType + ": ") + text;
		}
		else if (text.contains("pg_try_advisory_xact_lock('InstanceCountDeltas'")) {
			what = "instance-count compaction";
		}
		else if (text.startsWith("DELETE FROM Tombstones WHERE DeletedAt")) {
			what = "tombstone purge";
		}
		else {
			what = "statement over 100 ms: " + text.substring(0, Math.min(60, text.length())) + "…";
		}
		return "Lock".equals(waitEventType) ? what + " (waiting for a lock: " + waitEvent + ")" : what;
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(5_000);
			this.connection.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (SQLException ex) {
			// Only a monitoring connection.
		}
	}

	private void run() {
		while (this.running) {
			long now = System.nanoTime();
			try {
				statements(now);
				if (now - this.lastSlowSample >= 1_000_000_000L) {
					this.lastSlowSample = now;
					checkpoints(now);
					maintenance(now);
				}
			}
			catch (SQLException ex) {
				// The worker may still be migrating; the next reading will do.
			}
			try {
				Thread.sleep(INTERVAL_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void statements(long now) throws SQLException {
		long wallNanos = System.currentTimeMillis() * 1_000_000L;
		try (PreparedStatement statement = this.connection.prepareStatement(ACTIVE);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				Timestamp started = result.getTimestamp(3);
				if (started == null || !result.getBoolean(7)) {
					continue;
				}
				long startNanos = now - (wallNanos - started.getTime() * 1_000_000L);
				String what = describe(result.getString(2), result.getString(4), result.getString(5),
						result.getString(6));
				String key = result.getLong(1) + "@" + started.getTime() + ":" + what;
				synchronized (this.statements) {
					this.statements.put(key, new Happening(what, startNanos, now));
				}
			}
		}
		synchronized (this.statements) {
			// Ended statements (not seen for a second) move to the list.
			this.statements.values().removeIf((happening) -> {
				boolean ended = now - happening.endNanos() > 1_000_000_000L + LONG_NANOS;
				if (ended) {
					this.happenings.add(happening);
				}
				return ended;
			});
		}
	}

	private void checkpoints(long now) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(this.checkpoints);
				ResultSet result = statement.executeQuery()) {
			result.next();
			long count = result.getLong(1);
			double millis = result.getDouble(2);
			if (this.checkpointCount >= 0 && count > this.checkpointCount) {
				// The counters move when a checkpoint ends; its write and sync time say
				// when it began.
				long took = (long) ((millis - this.checkpointMillis) * 1e6);
				this.happenings.add(new Happening("checkpoint (writing and syncing)", now - took, now));
			}
			this.checkpointCount = count;
			this.checkpointMillis = millis;
		}
	}

	private void maintenance(long now) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(MAINTENANCE);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				String table = result.getString(1);
				finished("autovacuum of " + table + " finished", result.getLong(2), now);
				finished("autoanalyze of " + table + " finished", result.getLong(3), now);
			}
		}
	}

	private void finished(String what, long count, long now) {
		Long before = this.maintenance.put(what, count);
		if (before != null && count > before) {
			this.happenings.add(new Happening(what, now, now));
		}
	}

}

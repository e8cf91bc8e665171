package io.workflowpersistence.worker.api.datasource;

import java.time.Instant;

/**
 * Where a server stands in replication, read in one statement.
 *
 * @param standby whether it is in recovery ({@code pg_is_in_recovery()})
 * @param streaming whether a WAL receiver runs ({@code pg_stat_wal_receiver})
 * @param replayedAllReceived whether everything received is replayed
 * ({@code pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn()})
 * @param lastReplayedCommit the primary's commit time of the last transaction replayed
 * ({@code pg_last_xact_replay_timestamp()}), or {@code null} when none was replayed since
 * the server started
 * @param at the server's clock when read
 */
record ReplicaPosition(boolean standby, boolean streaming, boolean replayedAllReceived, Instant lastReplayedCommit,
		Instant at) {

	static ReplicaPosition primary(Instant at) {
		return new ReplicaPosition(false, false, false, null, at);
	}

}

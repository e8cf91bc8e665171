package io.workflowpersistence.worker.api.datasource;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns successive {@link ReplicaPosition}s into the lag of a standby. The age of the
 * last replayed commit alone grows on a standby that is current while the primary is
 * idle, so a standby that streams and has replayed all it received counts as current (lag
 * zero). Otherwise the lag is the smaller of two upper bounds: the age of the last
 * replayed commit, and the time since the standby was last seen current (which keeps the
 * first sample after a long idle period from reporting the whole idle time).
 */
final class LagEstimator {

	private Instant lastCurrent;

	/**
	 * The lag at the position's time.
	 * @param position the position just read
	 * @return the lag, or {@code null} when it cannot be told yet
	 */
	synchronized Duration lag(ReplicaPosition position) {
		if (!position.standby()) {
			this.lastCurrent = null;
			return Duration.ZERO;
		}
		if (position.streaming() && position.replayedAllReceived()) {
			this.lastCurrent = position.at();
			return Duration.ZERO;
		}
		Duration sinceCurrent = (this.lastCurrent != null) ? Duration.between(this.lastCurrent, position.at()) : null;
		Duration sinceCommit = (position.lastReplayedCommit() != null)
				? Duration.between(position.lastReplayedCommit(), position.at()) : null;
		Duration lag = smaller(sinceCurrent, sinceCommit);
		// The primary's clock may run ahead of the standby's.
		return (lag != null && lag.isNegative()) ? Duration.ZERO : lag;
	}

	private static Duration smaller(Duration a, Duration b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return (a.compareTo(b) <= 0) ? a : b;
	}

}

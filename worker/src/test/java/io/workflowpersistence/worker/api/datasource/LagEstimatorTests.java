package io.workflowpersistence.worker.api.datasource;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LagEstimatorTests {

	private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

	private final LagEstimator estimator = new LagEstimator();

	@Test
	void aPrimaryDoesNotLag() {
		assertThat(this.estimator.lag(ReplicaPosition.primary(T0))).isZero();
	}

	@Test
	void aStandbyThatReplayedAllItReceivedDoesNotLagThoughThePrimaryWasIdleForAnHour() {
		assertThat(this.estimator.lag(standby(true, true, T0.minus(Duration.ofHours(1)), T0))).isZero();
	}

	@Test
	void aStandbyBehindLagsByTheAgeOfItsLastReplayedCommit() {
		assertThat(this.estimator.lag(standby(true, false, T0.minusSeconds(5), T0))).hasSeconds(5);
	}

	@Test
	void aStandbyBehindAfterAnIdleHourLagsAtMostSinceItWasLastCurrent() {
		this.estimator.lag(standby(true, true, T0.minus(Duration.ofHours(1)), T0));
		Instant later = T0.plusSeconds(2);
		assertThat(this.estimator.lag(standby(true, false, T0.minus(Duration.ofHours(1)), later))).hasSeconds(2);
	}

	@Test
	void aStandbyWhoseReceiverStoppedLagsFromWhenItWasLastCurrent() {
		this.estimator.lag(standby(true, true, T0.minusSeconds(30), T0));
		// Everything received is replayed, but nothing arrives any more.
		assertThat(this.estimator.lag(standby(false, true, T0.minusSeconds(30), T0.plusSeconds(10)))).hasSeconds(10);
	}

	@Test
	void aStandbyThatReplayedNothingSinceItStartedHasAnUnknownLag() {
		assertThat(this.estimator.lag(standby(true, false, null, T0))).isNull();
	}

	@Test
	void aPrimaryClockAheadOfTheStandbyDoesNotMakeTheLagNegative() {
		assertThat(this.estimator.lag(standby(true, false, T0.plusMillis(300), T0))).isZero();
	}

	private static ReplicaPosition standby(boolean streaming, boolean replayedAllReceived, Instant lastCommit,
			Instant at) {
		return new ReplicaPosition(true, streaming, replayedAllReceived, lastCommit, at);
	}

}

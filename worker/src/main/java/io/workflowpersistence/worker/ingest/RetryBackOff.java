package io.workflowpersistence.worker.ingest;

import io.github.resilience4j.core.IntervalFunction;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The back-off between attempts of a failed batch: resilience4j's exponential random
 * back-off, without an end, since a batch is never skipped.
 */
class RetryBackOff implements BackOff {

	private static final double JITTER = 0.3;

	private final IntervalFunction intervals;

	RetryBackOff(IngestProperties.Retry retry) {
		this.intervals = IntervalFunction.ofExponentialRandomBackoff(retry.initialInterval(), retry.multiplier(),
				JITTER, retry.maxInterval());
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private int attempt;

			@Override
			public long nextBackOff() {
				this.attempt = Math.min(this.attempt + 1, 64);
				return RetryBackOff.this.intervals.apply(this.attempt);
			}

		};
	}

}

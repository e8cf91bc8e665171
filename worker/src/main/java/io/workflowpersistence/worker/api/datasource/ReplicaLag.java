package io.workflowpersistence.worker.api.datasource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * How far the database behind the read API's pool lags behind the primary, as last
 * sampled: zero on the primary itself, unknown until the first sample and after a failed
 * one. Readers get the cached value; only {@link ReplicaLagSampler} asks the database.
 */
@Component
public class ReplicaLag {

	private final AtomicReference<Sample> last = new AtomicReference<>(Sample.NONE);

	ReplicaLag(MeterRegistry registry) {
		Gauge.builder("workflow.api.replica.lag", this, ReplicaLag::seconds)
			.description("Replication lag of the database the read API reads from, as last sampled; 0 on a primary, "
					+ "NaN when unknown")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("workflow.api.replica.standby", this, (lag) -> lag.last.get().standby() ? 1 : 0)
			.description("1 when the read API reads from a standby (a server in recovery), else 0")
			.register(registry);
	}

	/**
	 * The lag as last sampled.
	 * @return the lag, or empty when it is unknown
	 */
	public Optional<Duration> current() {
		return Optional.ofNullable(this.last.get().lag());
	}

	Sample last() {
		return this.last.get();
	}

	void sampled(boolean standby, Duration lag, Instant at) {
		this.last.set(new Sample(standby, lag, at, null));
	}

	void failed(Exception ex, Instant at) {
		this.last.set(new Sample(this.last.get().standby(), null, at, ex.toString()));
	}

	private double seconds() {
		Duration lag = this.last.get().lag();
		return (lag != null) ? lag.toNanos() / 1e9 : Double.NaN;
	}

	/**
	 * One sample of the lag.
	 *
	 * @param standby whether the server is a standby
	 * @param lag the lag, or {@code null} when unknown
	 * @param at when the sample was taken, or {@code null} before the first
	 * @param error why the last sample failed, or {@code null}
	 */
	record Sample(boolean standby, Duration lag, Instant at, String error) {

		static final Sample NONE = new Sample(false, null, null, null);

	}

}

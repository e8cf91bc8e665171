package io.workflowpersistence.worker.ingest;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ingestion's health: DOWN from the moment a batch fails until a batch is applied again,
 * with the error, so an outage shows on {@code /actuator/health}.
 */
@Component("ingest")
class IngestHealth implements HealthIndicator {

	private final AtomicReference<Failure> failure = new AtomicReference<>();

	void batchApplied() {
		this.failure.set(null);
	}

	void batchFailed(Exception ex) {
		this.failure
			.updateAndGet((current) -> new Failure((current != null) ? current.since() : Instant.now(), ex.toString()));
	}

	@Override
	public Health health() {
		Failure current = this.failure.get();
		if (current == null) {
			return Health.up().build();
		}
		return Health.down().withDetail("failingSince", current.since()).withDetail("error", current.error()).build();
	}

	private record Failure(Instant since, String error) {
	}

}

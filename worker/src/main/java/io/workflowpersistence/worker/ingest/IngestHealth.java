package io.workflowpersistence.worker.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ingestion's health: DOWN from the moment a batch fails until a batch is applied again,
 * with the error, so an outage shows on {@code /actuator/health}; and the same as metrics
 * for alerts: {@code workflow_ingest_up} (1 or 0) and
 * {@code workflow_ingest_batch_failures_total}, one per failed attempt of a batch, so its
 * rate says batches are being retried. Its details also count the consumer threads and
 * those that hold no partitions: idle threads are a matter of sizing, not a failure, so
 * they leave the status UP.
 */
@Component("ingest")
class IngestHealth implements HealthIndicator {

	private final AtomicReference<Failure> failure = new AtomicReference<>();

	private final Counter failures;

	private final IngestConsumers consumers;

	IngestHealth(MeterRegistry registry, IngestConsumers consumers) {
		this.consumers = consumers;
		this.failures = Counter.builder("workflow.ingest.batch.failures")
			.description(
					"Failed attempts to apply a batch (the database unreachable, the broker refusing a dead letter);"
							+ " each is retried")
			.register(registry);
		Gauge.builder("workflow.ingest.up", this, (health) -> (health.failure.get() == null) ? 1 : 0)
			.description("1 while batches are applied, 0 from a failed batch until one is applied again")
			.register(registry);
	}

	void batchApplied() {
		this.failure.set(null);
	}

	void batchFailed(Exception ex) {
		this.failures.increment();
		this.failure
			.updateAndGet((current) -> new Failure((current != null) ? current.since() : Instant.now(), ex.toString()));
	}

	@Override
	public Health health() {
		Failure current = this.failure.get();
		if (current == null) {
			return Health.up().withDetail("consumerThreads", consumerThreads()).build();
		}
		return Health.down()
			.withDetail("failingSince", current.since())
			.withDetail("error", current.error())
			.withDetail("consumerThreads", consumerThreads())
			.build();
	}

	private Map<String, Object> consumerThreads() {
		Map<String, Object> threads = new LinkedHashMap<>();
		threads.put("total", this.consumers.threads());
		int idle = this.consumers.idle();
		threads.put("idle", idle);
		if (idle > 0) {
			threads.put("whyIdle", IngestConsumers.WHY_IDLE);
		}
		return threads;
	}

	private record Failure(Instant since, String error) {
	}

}

package io.workflowpersistence.worker.ingest;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The ingestion metrics: events by type and outcome, Kafka tombstones, batch sizes and
 * the time a batch takes to apply. Consumer lag comes from the Kafka client's own metrics
 * ({@code kafka_consumer_fetch_manager_records_lag*}).
 */
@Component
class IngestMetrics {

	static final String UNKNOWN_TYPE = "unknown";

	private final MeterRegistry registry;

	private final Counter tombstones;

	private final DistributionSummary batchSize;

	private final Timer batchTime;

	IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.tombstones = Counter.builder("workflow.ingest.kafka.tombstones")
			.description("Records without a value, skipped")
			.register(registry);
		this.batchSize = DistributionSummary.builder("workflow.ingest.batch.size")
			.description("Records per polled batch")
			.register(registry);
		this.batchTime = Timer.builder("workflow.ingest.batch.apply")
			.description("Time to apply a batch, transaction included")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	/**
	 * Counts what became of an applied batch; a batch sent back to read again counts
	 * nothing, as its records are read again.
	 */
	void record(BatchOutcome outcome) {
		if (!outcome.isApplied()) {
			return;
		}
		tombstones(outcome.skipped().kafkaTombstones());
		outcome.deadLettered().forEach(this::deadLettered);
		outcome.applied().forEach(this::applied);
		outcome.stale().forEach(this::stale);
		batch(outcome.records(), outcome.took());
	}

	void applied(String type, int count) {
		events(type, "applied", count);
	}

	void stale(String type, int count) {
		events(type, "stale", count);
	}

	void deadLettered(String type, int count) {
		events(type, "dead_lettered", count);
	}

	void tombstones(int count) {
		this.tombstones.increment(count);
	}

	void batch(int size, Duration time) {
		this.batchSize.record(size);
		this.batchTime.record(time);
	}

	private void events(String type, String outcome, int count) {
		if (count > 0) {
			Counter.builder("workflow.ingest.events")
				.description("Events by type and outcome: applied, stale (older or duplicate), dead_lettered")
				.tag("type", type)
				.tag("outcome", outcome)
				.register(this.registry)
				.increment(count);
		}
	}

}

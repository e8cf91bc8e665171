package io.workflowpersistence.worker.retention;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.workflowpersistence.worker.retention.RetentionPolicy.Reason;

import org.springframework.stereotype.Component;

/**
 * Metrics of retention: {@code workflow.retention.removed} counts the rows sweeps
 * removed, tagged with the {@code kind} of row and the {@code reason} (which time-to-live
 * expired the instance: {@code definition}, {@code status} or {@code default});
 * {@code workflow.retention.sweeps} times the sweeps.
 */
@Component
class RetentionMetrics {

	private final MeterRegistry registry;

	private final Timer sweeps;

	RetentionMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.sweeps = Timer.builder("workflow.retention.sweeps")
			.description("Retention sweeps and how long each took")
			.register(registry);
		for (Reason reason : Reason.values()) {
			for (String kind : new String[] { "instances", "activity_records", "bookmarks" }) {
				removed(kind, reason, 0);
			}
		}
	}

	void record(SweepResult result, Duration took) {
		this.sweeps.record(took);
		count("instances", result.instancesByReason());
		count("activity_records", result.activityRecordsByReason());
		count("bookmarks", result.bookmarksByReason());
	}

	private void count(String kind, Map<Reason, Long> byReason) {
		byReason.forEach((reason, count) -> removed(kind, reason, count));
	}

	private void removed(String kind, Reason reason, long count) {
		this.registry.counter("workflow.retention.removed", "kind", kind, "reason", reason.tag()).increment(count);
	}

}

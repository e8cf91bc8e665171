package io.workflowpersistence.worker.retention;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of retention; off unless a time-to-live is set.
 *
 * @param finishedInstances how long an instance is kept after it finished
 * ({@code WORKER_RETENTION_FINISHED_INSTANCES}, e.g. {@code 30d}); unset keeps every
 * instance not named by an override
 * @param sweepInterval how often a worker that consumes sweeps for instances past their
 * time-to-live ({@code WORKER_RETENTION_SWEEP_INTERVAL})
 * @param byStatus time-to-lives by instance status, overriding {@code finishedInstances}
 * (e.g. {@code worker.retention.by-status.Faulted=90d}); status names match ignoring case
 * @param byDefinition time-to-lives by definition id, overriding both others (e.g.
 * {@code worker.retention.by-definition[order-flow]=7d}); ids match ignoring case
 * @param chunkSize how many instances one transaction of a sweep looks at, and removes at
 * most
 * @param removalRecordsKeptFor how long the id of a removed instance is kept to refuse
 * its late or replayed events; set it to the topics' retention plus a margin; unset keeps
 * them for good
 */
@ConfigurationProperties("worker.retention")
public record RetentionProperties(Duration finishedInstances, @DefaultValue("1h") Duration sweepInterval,
		Map<String, Duration> byStatus, Map<String, Duration> byDefinition, @DefaultValue("500") int chunkSize,
		Duration removalRecordsKeptFor) {

	public RetentionProperties {
		byStatus = (byStatus != null) ? Map.copyOf(byStatus) : Map.of();
		byDefinition = (byDefinition != null) ? Map.copyOf(byDefinition) : Map.of();
		requirePositive("finished-instances", finishedInstances);
		requirePositive("sweep-interval", sweepInterval);
		requirePositive("removal-records-kept-for", removalRecordsKeptFor);
		byStatus.forEach((status, timeToLive) -> requirePositive("by-status." + status, timeToLive));
		byDefinition.forEach((definition, timeToLive) -> requirePositive("by-definition." + definition, timeToLive));
		if (chunkSize < 1) {
			throw new IllegalArgumentException("worker.retention.chunk-size must be at least 1 but was " + chunkSize);
		}
	}

	private static void requirePositive(String name, Duration duration) {
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw new IllegalArgumentException("worker.retention." + name + " must be positive but was " + duration);
		}
	}

}

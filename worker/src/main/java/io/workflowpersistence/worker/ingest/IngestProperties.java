package io.workflowpersistence.worker.ingest;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ingestion: which topics to consume, where rejected records go, how long
 * tombstones are kept and how a failing batch is retried.
 *
 * @param enabled whether the worker consumes at all (the read API works without it)
 * @param topics the topics to consume; any event type may arrive on any of them
 * @param deadLetterSuffix appended to a topic's name to name its dead-letter topic
 * @param tombstoneRetention how long a delete's tombstone is kept (docs/contract.md, rule
 * 3)
 * @param tombstonePurgeInterval how often expired tombstones are removed
 * @param instanceCountCompactionInterval how often the instance counts kept for the read
 * API are compacted
 * @param retry back-off between attempts of a batch that failed for a transient reason
 */
@ConfigurationProperties("worker.ingest")
public record IngestProperties(@DefaultValue("true") boolean enabled, @DefaultValue( {
		"workflow.definitions", "workflow.instances", "workflow.activities", "workflow.bookmarks", "workflow.triggers",
		"workflow.catalog" }) List<String> topics, @DefaultValue(".DLT") String deadLetterSuffix,
		@DefaultValue("7d") Duration tombstoneRetention, @DefaultValue("1h") Duration tombstonePurgeInterval,
		@DefaultValue("5s") Duration instanceCountCompactionInterval, @DefaultValue Retry retry){

	/**
	 * Exponential back-off with jitter between attempts of a failed batch; a batch is
	 * retried until it succeeds, never skipped.
	 *
	 * @param initialInterval the first wait
	 * @param multiplier the growth of each following wait
	 * @param maxInterval the longest wait
	 */
	public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("2") double multiplier,
			@DefaultValue("30s") Duration maxInterval) {
	}

}

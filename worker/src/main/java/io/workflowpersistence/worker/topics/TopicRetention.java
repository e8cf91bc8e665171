package io.workflowpersistence.worker.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The settings of one topic that decide whether it keeps every record: a topic keeps them
 * only with unlimited time and size retention ({@code -1}) and the {@code delete} cleanup
 * policy alone. Compaction keeps only the newest record of each key, and the producers
 * key all activity records and bookmarks of an instance (and all versions and triggers of
 * a definition) by one id, so it removes whole entities, not only history.
 *
 * @param topic the topic's name
 * @param exists whether the broker knows the topic
 * @param retentionMs {@code retention.ms}, {@code -1} for unlimited
 * @param retentionBytes {@code retention.bytes}, {@code -1} for unlimited
 * @param cleanupPolicy {@code cleanup.policy}, e.g. {@code delete} or
 * {@code compact,delete}
 */
record TopicRetention(String topic, boolean exists, long retentionMs, long retentionBytes, String cleanupPolicy) {

	static TopicRetention missing(String topic) {
		return new TopicRetention(topic, false, -1, -1, "");
	}

	/**
	 * Whether the topic can lose records, so that a rebuild could not see them.
	 */
	boolean canLoseRecords() {
		return !reasons().isEmpty();
	}

	/**
	 * Why the topic can lose records, one phrase a setting; empty when it keeps them all.
	 */
	List<String> reasons() {
		List<String> reasons = new ArrayList<>();
		if (!this.exists) {
			return reasons;
		}
		if (this.retentionMs >= 0) {
			reasons.add("retention.ms=" + this.retentionMs + " removes records older than "
					+ Duration.ofMillis(this.retentionMs).toString().substring(2).toLowerCase());
		}
		if (this.retentionBytes >= 0) {
			reasons.add("retention.bytes=" + this.retentionBytes + " removes the oldest records of a larger partition");
		}
		if (this.cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
			reasons.add("cleanup.policy=" + this.cleanupPolicy + " keeps only the newest record of each key");
		}
		return reasons;
	}

	/**
	 * The topic's settings as a health detail.
	 */
	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("exists", this.exists);
		if (this.exists) {
			details.put("retentionMs", this.retentionMs);
			details.put("retentionBytes", this.retentionBytes);
			details.put("cleanupPolicy", this.cleanupPolicy);
			details.put("keepsEveryRecord", !canLoseRecords());
			if (canLoseRecords()) {
				details.put("canLoseRecords", reasons());
			}
		}
		return details;
	}

	/**
	 * Reads the topics' settings with the admin client, in the order given; a topic the
	 * broker does not know is {@linkplain #missing missing}.
	 */
	static List<TopicRetention> read(Admin admin, Collection<String> topics, Duration timeout)
			throws InterruptedException, ExecutionException, TimeoutException {
		Map<String, KafkaFuture<Config>> configs = new LinkedHashMap<>();
		Map<ConfigResource, KafkaFuture<Config>> futures = admin
			.describeConfigs(
					topics.stream().map((topic) -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList(),
					new DescribeConfigsOptions().timeoutMs((int) timeout.toMillis()))
			.values();
		futures.forEach((resource, future) -> configs.put(resource.name(), future));
		List<TopicRetention> read = new ArrayList<>();
		for (String topic : topics) {
			try {
				Config config = configs.get(topic).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
				read.add(new TopicRetention(topic, true, number(config, TopicConfig.RETENTION_MS_CONFIG),
						number(config, TopicConfig.RETENTION_BYTES_CONFIG),
						text(config, TopicConfig.CLEANUP_POLICY_CONFIG)));
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
					throw ex;
				}
				read.add(missing(topic));
			}
		}
		return read;
	}

	private static long number(Config config, String name) {
		String value = text(config, name);
		return value.isEmpty() ? -1 : Long.parseLong(value);
	}

	private static String text(Config config, String name) {
		ConfigEntry entry = config.get(name);
		return (entry != null && entry.value() != null) ? entry.value() : "";
	}

}

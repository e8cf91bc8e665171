package io.workflowpersistence.worker.topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The consumed topics' retention as a health component, {@code topicRetention}: UP with
 * each topic's settings and the topics that can lose records (ingestion works; a rebuild
 * would lack what they lose), UNKNOWN until the settings could be read.
 */
@Component("topicRetention")
@ConditionalOnBooleanProperty(name = "worker.ingest.enabled", matchIfMissing = true)
class TopicRetentionHealth implements HealthIndicator {

	private final TopicRetentionCheck check;

	TopicRetentionHealth(TopicRetentionCheck check) {
		this.check = check;
	}

	@Override
	public Health health() {
		return this.check.latest()
			.map(TopicRetentionHealth::describe)
			.orElseGet(
					() -> Health.unknown().withDetail("reason", "the topics' retention has not been read yet").build());
	}

	private static Health describe(TopicRetentionCheck.Checked checked) {
		Health.Builder health = checked.topics().isEmpty() ? Health.unknown() : Health.up();
		Map<String, Object> topics = new LinkedHashMap<>();
		checked.topics().forEach((retention) -> topics.put(retention.topic(), retention.details()));
		List<String> losing = checked.topics()
			.stream()
			.filter(TopicRetention::canLoseRecords)
			.map(TopicRetention::topic)
			.toList();
		health.withDetail("checkedAt", checked.at()).withDetail("canLoseRecords", losing);
		if (!losing.isEmpty()) {
			health.withDetail("warning", "Topics " + losing + " can lose records: a rebuild from the topics could "
					+ "not see what they remove");
		}
		if (checked.error() != null) {
			health.withDetail("error", checked.error());
		}
		return health.withDetail("topics", topics).build();
	}

}

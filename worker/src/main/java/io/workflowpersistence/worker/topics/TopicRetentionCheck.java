package io.workflowpersistence.worker.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.workflowpersistence.worker.ingest.IngestProperties;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reads the consumed topics' retention and cleanup policy with the admin client at
 * start-up and every {@code worker.topics.check-interval} after. A topic that can lose
 * records is logged as a warning (when first seen so, and again when its settings
 * change), shown by {@link TopicRetentionHealth} and counted by the gauge
 * {@code workflow.topic.retention.limited} (1 for such a topic, 0 for one that keeps
 * every record).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "worker.ingest.enabled", matchIfMissing = true)
class TopicRetentionCheck implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(TopicRetentionCheck.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final KafkaAdmin kafkaAdmin;

	private final List<String> topics;

	private final Duration interval;

	private final AtomicReference<Checked> latest = new AtomicReference<>();

	private final Map<String, TopicRetention> warned = new ConcurrentHashMap<>();

	TopicRetentionCheck(KafkaAdmin kafkaAdmin, IngestProperties ingest, TopicsProperties properties,
			MeterRegistry registry) {
		this.kafkaAdmin = kafkaAdmin;
		this.topics = List.copyOf(ingest.topics());
		this.interval = properties.checkInterval();
		for (String topic : this.topics) {
			Gauge.builder("workflow.topic.retention.limited", () -> limited(topic))
				.description("1 when the topic can lose records (finite retention, or compaction), which a rebuild "
						+ "from the topics could then not see; 0 when it keeps every record")
				.tag("topic", topic)
				.register(registry);
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		// A fixed-delay task without an initial delay runs first at start-up.
		registrar.addFixedDelayTask(this::check, this.interval);
	}

	void check() {
		try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			List<TopicRetention> read = TopicRetention.read(admin, this.topics, TIMEOUT);
			this.latest.set(new Checked(Instant.now(), read, null));
			read.forEach(this::warnOnce);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			Checked previous = this.latest.get();
			this.latest
				.set(new Checked(Instant.now(), (previous != null) ? previous.topics() : List.of(), ex.toString()));
			logger.warn("Could not read the retention of topics {} (again in {}): {}", this.topics, this.interval,
					ex.toString());
		}
	}

	private void warnOnce(TopicRetention retention) {
		TopicRetention before = this.warned.put(retention.topic(), retention);
		if (retention.canLoseRecords() && !retention.equals(before)) {
			logger.warn(
					"Topic {} can lose records: {}. A rebuild from the topics could not see what is removed, and "
							+ "refuses to run once records it needs are gone; keep every record with "
							+ "retention.ms=-1, retention.bytes=-1 and cleanup.policy=delete (or tiered storage)",
					retention.topic(), String.join("; ", retention.reasons()));
		}
		else if (!retention.canLoseRecords() && before != null && before.canLoseRecords()) {
			logger.info("Topic {} keeps every record now", retention.topic());
		}
	}

	/**
	 * What the latest check saw, empty before the first one ended.
	 */
	Optional<Checked> latest() {
		return Optional.ofNullable(this.latest.get());
	}

	private double limited(String topic) {
		return latest().flatMap((checked) -> checked.topic(topic))
			.filter(TopicRetention::exists)
			.map((retention) -> retention.canLoseRecords() ? 1.0 : 0.0)
			.orElse(Double.NaN);
	}

	/**
	 * The topics' settings as last read, and the error of the latest check if it failed.
	 *
	 * @param at when the check ended
	 * @param topics each consumed topic's settings (those of an earlier check if this one
	 * failed)
	 * @param error why the check failed, {@code null} when it did not
	 */
	record Checked(Instant at, List<TopicRetention> topics, String error) {

		Optional<TopicRetention> topic(String name) {
			return this.topics.stream().filter((retention) -> retention.topic().equals(name)).findFirst();
		}

	}

}

package io.workflowpersistence.worker.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.workflowpersistence.worker.testing.Events;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The freshness gauge: the age of the Kafka timestamp of the newest applied record while
 * records wait, zero when caught up; and the health metrics an outage moves.
 */
class IngestFreshnessIntegrationTests extends IngestIntegrationTestSupport {

	private static final String FRESHNESS = "workflow_ingest_freshness_seconds{partition=\"0\",topic=\"workflow.instances\"}";

	@Test
	void freshnessIsZeroWhenCaughtUpAndTheAgeOfTheNewestAppliedRecordDuringAnOutage() throws Exception {
		String run = unique("fresh");
		Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
		publish(List.of(onPartitionZero(Events.instance(run + "-old").version(1), hourAgo)));
		awaitInstance(run + "-old");
		eventually().until(() -> metric(FRESHNESS).orElse(-1.0) == 0.0);
		assertThat(metric("workflow_ingest_up")).contains(1.0);
		double failuresBefore = metric("workflow_ingest_batch_failures_total").orElseThrow();

		setConnectionsAllowed(false);
		try {
			publish(List.of(onPartitionZero(Events.instance(run + "-new").version(1), Instant.now())));
			eventually().until(() -> metric(FRESHNESS).orElse(0.0) >= 3600);
			assertThat(metric(FRESHNESS).orElseThrow()).isLessThan(3600 + 120);
			assertThat(metric("workflow_ingest_up")).contains(0.0);
			assertThat(metric("workflow_ingest_batch_failures_total").orElseThrow()).isGreaterThan(failuresBefore);
		}
		finally {
			setConnectionsAllowed(true);
		}

		// The outage ended all connections: the test's own may fail once before the pool
		// replaces them.
		eventually().until(() -> metric("workflow_ingest_up").orElse(0.0) == 1.0);
		eventually().ignoreExceptions()
			.until(() -> count("SELECT count(*) FROM WorkflowInstances WHERE Id = ?", run + "-new") == 1);
		eventually().until(() -> metric(FRESHNESS).orElse(-1.0) == 0.0);
	}

	@Test
	void aBatchThatLeavesLagShowsTheAgeOfItsNewestRecord() throws Exception {
		String topic = unique("freshness");
		Instant hourAgo = Instant.parse("2026-01-01T10:00:00Z");
		Clock now = Clock.fixed(hourAgo.plus(Duration.ofHours(1)), ZoneOffset.UTC);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			records.add(new ProducerRecord<>(topic, 0, hourAgo.plusSeconds(i).toEpochMilli(), null, new byte[] { 1 }));
		}
		KAFKA.send(records);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		IngestFreshness freshness = new IngestFreshness(registry, now);
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			consumer.assign(List.of(new TopicPartition(topic, 0)));
			List<ConsumerRecord<byte[], byte[]>> first = poll(consumer);
			assertThat(first).hasSize(4);
			freshness.committed(first, consumer);
			// The newest of the batch is the fourth record: 3 s after the first.
			assertThat(gauge(registry, topic)).isCloseTo(3600 - 3, within(0.001));
			List<ConsumerRecord<byte[], byte[]>> rest = new ArrayList<>();
			while (rest.size() < 6) {
				List<ConsumerRecord<byte[], byte[]>> batch = poll(consumer);
				rest.addAll(batch);
				freshness.committed(batch, consumer);
			}
			assertThat(gauge(registry, topic)).isZero();
			freshness.notApplied(rest);
			assertThat(gauge(registry, topic)).isCloseTo(3600 - 9, within(0.001));
			freshness.unassigned(List.of(new TopicPartition(topic, 0)));
			assertThat(registry.find("workflow.ingest.freshness").gauges()).isEmpty();
		}
	}

	private static KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "freshness-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 4),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static List<ConsumerRecord<byte[], byte[]>> poll(KafkaConsumer<byte[], byte[]> consumer) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (records.isEmpty() && System.nanoTime() < deadline) {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
	}

	private static double gauge(SimpleMeterRegistry registry, String topic) {
		return registry.get("workflow.ingest.freshness").tag("topic", topic).tag("partition", "0").gauge().value();
	}

	private static ProducerRecord<byte[], byte[]> onPartitionZero(Events event, Instant timestamp) {
		ProducerRecord<byte[], byte[]> record = event.record();
		return new ProducerRecord<>(record.topic(), 0, timestamp.toEpochMilli(), record.key(), record.value(),
				record.headers());
	}

	private Optional<Double> metric(String series) throws Exception {
		return actuator("prometheus").body()
			.lines()
			.filter((line) -> line.startsWith(series + " "))
			.map((line) -> Double.parseDouble(line.substring(series.length() + 1).trim()))
			.findFirst();
	}

}

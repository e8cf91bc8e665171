package io.workflowpersistence.worker.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.workflowpersistence.worker.testing.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract rule 7 (docs/contract.md): bad records go to the dead-letter topic with their
 * original key, value and headers and the reason, and the rest of their batch is applied.
 */
class DeadLetterIntegrationTests extends IngestIntegrationTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void poisonRecordsAreDeadLetteredAndEveryGoodEventIsApplied() {
		String run = unique("poison");
		Map<String, ProducerRecord<byte[], byte[]>> poisons = Map.of( //
				"not JSON", Events.raw("workflow.instances", run + "-p1", "{not json".getBytes()), "unknown event type",
				withKey(Events.instance("x").with("id", run + "-p2"), run + "-p2", "workflow.foo.upserted"), "data.id",
				Events.instance(run + "-p3").without("id").version(1).record(), "NUL",
				Events.instance(run + "-p4").with("data", Map.of("note", "a\u0000b")).version(1).record(), "exceeds",
				Events.instance(run + "-p5").with("name", "n".repeat(300)).version(1).record(), "ordering key",
				Events.instance(run + "-p6").record());
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
		List<ProducerRecord<byte[], byte[]>> spread = new ArrayList<>(poisons.values());
		for (int i = 0; i < 1000; i++) {
			records.add(Events.instance(run + "-" + i).with("name", "good " + i).version(1).record());
			if (i % 150 == 75 && !spread.isEmpty()) {
				records.add(spread.remove(0));
			}
		}
		records.addAll(spread);
		records.add(new ProducerRecord<>("workflow.instances", (run + "-tombstone").getBytes(), null));
		double tombstonesBefore = this.meters.counter("workflow.ingest.kafka.tombstones").count();
		publish(records);

		eventually().until(() -> count("SELECT count(*) FROM WorkflowInstances WHERE Id LIKE ?", run + "-%") == 1000);
		eventually().until(() -> deadLetters(run).size() == poisons.size());
		List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(run);
		for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters) {
			ProducerRecord<byte[], byte[]> original = records.stream()
				.filter((record) -> Arrays.equals(record.key(), deadLetter.key()))
				.findFirst()
				.orElseThrow();
			assertThat(deadLetter.value()).isEqualTo(original.value());
			assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo("workflow.instances");
			assertThat(header(deadLetter, "kafka_dlt-original-partition")).isNotNull();
			assertThat(header(deadLetter, "kafka_dlt-original-offset")).isNotNull();
			for (Header header : original.headers()) {
				assertThat(deadLetter.headers().lastHeader(header.key()).value()).isEqualTo(header.value());
			}
		}
		String reasons = deadLetters.stream()
			.map((record) -> header(record, "kafka_dlt-exception-message"))
			.collect(Collectors.joining("\n"));
		poisons.keySet().forEach((reason) -> assertThat(reasons).contains(reason));
		assertThat(this.meters.counter("workflow.ingest.kafka.tombstones").count()).isGreaterThan(tombstonesBefore);
	}

	private static ProducerRecord<byte[], byte[]> withKey(Events event, String key, String type) {
		ProducerRecord<byte[], byte[]> record = event.version(1).record();
		String value = new String(record.value(), StandardCharsets.UTF_8).replace("workflow.instance.upserted", type);
		return new ProducerRecord<>(record.topic(), null, key.getBytes(), value.getBytes(StandardCharsets.UTF_8),
				record.headers());
	}

	private static List<ConsumerRecord<byte[], byte[]>> deadLetters(String run) {
		return KAFKA.readAll("workflow.instances.DLT")
			.stream()
			.filter((record) -> new String(record.key(), StandardCharsets.UTF_8).startsWith(run))
			.toList();
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}

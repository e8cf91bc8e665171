package io.workflowpersistence.worker.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.worker.replay.ReplayTesting.Outcome;
import io.workflowpersistence.worker.testing.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.workflowpersistence.worker.replay.ReplayTesting.KAFKA;
import static io.workflowpersistence.worker.replay.ReplayTesting.command;
import static io.workflowpersistence.worker.replay.ReplayTesting.eventually;
import static io.workflowpersistence.worker.replay.ReplayTesting.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redrive command: events rejected because of a bad migration (a column too narrow)
 * are dead-lettered; once the column is fixed, redrive sends them back to their topic
 * with their headers, the live worker applies them, and a second redrive sends nothing.
 */
class RedriveIntegrationTests {

	private static final String RUN = ReplayTesting.run("redrive");

	private static final String GROUP = RUN + "-live";

	private static final List<String> TOPICS = ReplayTesting.topics(RUN);

	private static final String INSTANCES = RUN + ".workflow.instances";

	@Test
	void deadLettersSentBackAfterTheCauseIsFixedAreApplied() {
		DatabaseInfo database = TestDatabase.server().migratedDatabase("redrive");
		JdbcClient jdbc = JdbcClient.create(database.dataSource());
		jdbc.sql("ALTER TABLE WorkflowInstances ALTER COLUMN CorrelationId TYPE varchar(8)").update();
		List<String> settings = ReplayTesting.settings(database, GROUP, TOPICS);
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
		for (int index = 0; index < 40; index++) {
			Events event = Events.instance(RUN + "-" + index).version(1);
			if (index % 4 == 0) {
				event.with("correlationId", "correlation-" + index);
			}
			if (index % 8 == 0) {
				event.binary();
			}
			records.add(event.record(INSTANCES));
		}
		try (LiveWorker worker = LiveWorker.start(database, GROUP, TOPICS, false)) {
			KAFKA.send(records);
			eventually().until(() -> ReplayTesting.applied(database, GROUP) == records.size());
			assertThat(instances(jdbc)).isEqualTo(30);
			assertThat(deadLetters()).hasSize(10);

			Outcome dryRun = command(with(settings, "redrive", "--dry-run"));
			assertThat(dryRun.code()).as(dryRun.toString()).isZero();
			assertThat(dryRun.out()).contains("Would send back 10 dead letters: " + INSTANCES + " 10")
				.contains("value too long");
			assertThat(KAFKA.readAll(INSTANCES)).hasSize(records.size());

			jdbc.sql("ALTER TABLE WorkflowInstances ALTER COLUMN CorrelationId TYPE varchar(255)").update();
			Outcome redrive = command(with(settings, "redrive"));

			assertThat(redrive.code()).as(redrive.toString()).isZero();
			assertThat(redrive.out()).contains("Sent back 10 dead letters: " + INSTANCES + " 10");
			eventually().until(() -> instances(jdbc) == 40);
			List<ConsumerRecord<byte[], byte[]>> redriven = KAFKA.readAll(INSTANCES)
				.stream()
				.filter((record) -> record.headers().lastHeader("kafka_dlt-original-topic") != null)
				.toList();
			assertThat(redriven).hasSize(10);
			for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters()) {
				ConsumerRecord<byte[], byte[]> back = redriven.stream()
					.filter((record) -> new String(record.key(), StandardCharsets.UTF_8)
						.equals(new String(deadLetter.key(), StandardCharsets.UTF_8)))
					.findFirst()
					.orElseThrow();
				assertThat(back.value()).isEqualTo(deadLetter.value());
				assertThat(back.headers().toArray()).containsExactly(deadLetter.headers().toArray());
				assertThat(back.partition()).isEqualTo(header(deadLetter, "kafka_dlt-original-partition"));
			}
			assertThat(command(with(settings, "redrive")).out()).contains("Sent back 0 dead letters");
		}
	}

	private static long instances(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM WorkflowInstances WHERE Id LIKE ?")
			.param(RUN + "-%")
			.query(Long.class)
			.single();
	}

	private static List<ConsumerRecord<byte[], byte[]>> deadLetters() {
		return KAFKA.readAll(INSTANCES + ".DLT");
	}

	private static int header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return java.nio.ByteBuffer.wrap(header.value()).getInt();
	}

}

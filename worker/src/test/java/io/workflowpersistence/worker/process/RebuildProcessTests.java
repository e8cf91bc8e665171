package io.workflowpersistence.worker.process;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.simulator.SimulatorTopics;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.WorkerProcess;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild command of the real jar on a stream of about 100,000 events: a second
 * rebuild started while the first runs is refused with a clear message and exit code 3;
 * the first, kept waiting at its swap by a reader of the live tables, swaps once the
 * reader is done and ends with 0 and its summary; invalid arguments end with 2.
 */
class RebuildProcessTests {

	private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	private static final String RUN = "rebuildjar" + UUID.randomUUID().toString().substring(0, 6);

	private static final Pattern SUMMARY = Pattern.compile("Rebuild done in .*: read ([\\d,]+) records");

	@Test
	void aSecondRebuildIsRefusedWhileTheFirstRuns() throws Exception {
		List<ProducerRecord<byte[], byte[]>> records = new EngineSimulator(
				SimulatorSettings.defaults().withSeed(42).withInstances(6500))
			.records()
			.map((record) -> new ProducerRecord<>(RUN + "." + record.topic(), null, record.key(), record.value(),
					record.headers()))
			.toList();
		KAFKA.send(records);
		DatabaseInfo database = TestDatabase.server().migratedDatabase("rebuild_jar");
		Map<String, String> environment = environment(database);

		// Holding a lock on a live table keeps the first rebuild waiting at its swap,
		// with
		// its rebuild lock held, for as long as the test needs.
		try (Connection blocker = database.dataSource().getConnection();
				JarCommand first = JarCommand.start(RUN + "-first", environment, "rebuild", "--progress-interval",
						"2s")) {
			blocker.setAutoCommit(false);
			blocker.createStatement().execute("LOCK TABLE ConsumerOffsets IN ACCESS SHARE MODE");
			first.awaitOutput("Rebuilding a fresh schema", Duration.ofSeconds(60));
			try (JarCommand second = JarCommand.start(RUN + "-second", environment, "rebuild")) {
				assertThat(second.awaitExit(Duration.ofSeconds(60))).as(second.output()).isEqualTo(3);
				assertThat(second.output()).contains("error: Another rebuild is running on this database")
					.contains("Only one rebuild runs at a time");
			}
			first.awaitOutput("Swapping the schemas: could not take the locks", Duration.ofSeconds(60));
			blocker.commit();
			assertThat(first.awaitExit(Duration.ofMinutes(2))).as(first.output()).isZero();
			Matcher summary = SUMMARY.matcher(first.output());
			assertThat(summary.find()).as(first.output()).isTrue();
			assertThat(Long.parseLong(summary.group(1).replace(",", ""))).isEqualTo(records.size());
			System.out.println(first.output());
		}
		assertThat(JdbcClient.create(database.dataSource())
			.sql("SELECT coalesce(sum(NextOffset), 0) FROM ConsumerOffsets WHERE GroupId = ?")
			.param(RUN + "-live")
			.query(Long.class)
			.single()).as("the live group's positions after the swap").isEqualTo(records.size());
	}

	@Test
	void invalidArgumentsEndWithExitCodeTwoAndHelpWithZero() throws Exception {
		Map<String, String> environment = new HashMap<>();
		try (JarCommand invalid = JarCommand.start(RUN + "-invalid", environment, "rebuild", "--threads", "none")) {
			assertThat(invalid.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
			assertThat(invalid.output()).contains(
					"error: Invalid value for option '--threads': must be a whole number of at least 1 but was 'none'")
				.contains("Usage: java -jar worker.jar rebuild");
		}
		try (JarCommand help = JarCommand.start(RUN + "-help", environment, "redrive", "--help")) {
			assertThat(help.awaitExit(Duration.ofSeconds(60))).isZero();
			assertThat(help.output()).contains("Usage: java -jar worker.jar redrive");
		}
	}

	private static Map<String, String> environment(DatabaseInfo database) {
		Map<String, String> environment = WorkerProcess.connectedTo(KAFKA.bootstrapServers(), database);
		environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", RUN + "-live");
		environment.put("WORKER_INGEST_TOPICS",
				SimulatorTopics.ALL.stream().map((topic) -> RUN + "." + topic).collect(Collectors.joining(",")));
		return environment;
	}

}

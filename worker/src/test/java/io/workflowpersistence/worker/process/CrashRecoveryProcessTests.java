package io.workflowpersistence.worker.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.simulator.SimulatorTopics;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.TableSnapshot;
import io.workflowpersistence.worker.testing.WorkerProcess;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract rule 6 (docs/contract.md) with the real jar: a worker killed with SIGKILL in
 * the middle of a stream of about 100,000 events, then restarted, and a group of two
 * workers of which one is killed, both leave exactly the tables of an uninterrupted run.
 */
class CrashRecoveryProcessTests {

	private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	private static final String RUN = "crash" + UUID.randomUUID().toString().substring(0, 6);

	private static long published;

	private static Map<String, List<Map<String, Object>>> uninterrupted;

	@BeforeAll
	static void publishTheStreamAndConsumeItOnceWithoutInterruption() throws Exception {
		SimulatorSettings settings = SimulatorSettings.defaults().withSeed(42).withInstances(6500);
		List<ProducerRecord<byte[], byte[]>> records = new EngineSimulator(settings).records()
			.map((record) -> new ProducerRecord<>(topic(record.topic()), null, record.key(), record.value(),
					record.headers()))
			.toList();
		KAFKA.send(records);
		published = records.size();
		assertThat(published).as("events in the stream").isGreaterThanOrEqualTo(100_000);

		DatabaseInfo database = TestDatabase.server().createDatabase("uninterrupted");
		try (WorkerProcess worker = worker("uninterrupted", database, "uninterrupted-" + RUN)) {
			worker.start().awaitStarted(Duration.ofMinutes(3));
			long started = System.nanoTime();
			awaitAllApplied(database, "uninterrupted-" + RUN);
			// Informative only: speed is measured by the benchmark, never asserted here.
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("Drained %d events in %.1f s (%.0f events/s, start-up excluded)%n", published, seconds,
					published / seconds);
		}
		uninterrupted = TableSnapshot.of(database.dataSource());
	}

	@Test
	void aWorkerKilledInMidStreamAndRestartedLeavesTheTablesOfAnUninterruptedRun() throws Exception {
		DatabaseInfo database = TestDatabase.server().createDatabase("killed");
		String group = "killed-" + RUN;
		try (WorkerProcess first = worker("killed-first", database, group)) {
			first.start().awaitStarted(Duration.ofMinutes(3));
			awaitApplied(database, group, published / 3);
			first.kill();
		}
		assertThat(applied(database, group)).as("killed before the end").isLessThan(published);
		try (WorkerProcess second = worker("killed-second", database, group)) {
			second.start().awaitStarted(Duration.ofMinutes(3));
			awaitAllApplied(database, group);
		}
		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(uninterrupted);
	}

	@Test
	void whenOneOfTwoWorkersIsKilledTheOtherTakesItsPartitions() throws Exception {
		DatabaseInfo database = TestDatabase.server().createDatabase("pair");
		String group = "pair-" + RUN;
		try (WorkerProcess survivor = worker("pair-survivor", database, group);
				WorkerProcess victim = worker("pair-victim", database, group)) {
			survivor.start();
			victim.start();
			survivor.awaitStarted(Duration.ofMinutes(3));
			victim.awaitStarted(Duration.ofMinutes(3));
			awaitApplied(database, group, published / 3);
			victim.kill();
			awaitAllApplied(database, group);
		}
		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(uninterrupted);
	}

	private static WorkerProcess worker(String name, DatabaseInfo database, String group) {
		Map<String, String> environment = WorkerProcess.connectedTo(KAFKA.bootstrapServers(), database);
		environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", group);
		environment.put("WORKER_INGEST_TOPICS",
				SimulatorTopics.ALL.stream().map(CrashRecoveryProcessTests::topic).collect(Collectors.joining(",")));
		return new WorkerProcess(RUN + "-" + name, environment);
	}

	private static String topic(String defaultTopic) {
		return RUN + "." + defaultTopic;
	}

	private static void awaitAllApplied(DatabaseInfo database, String group) {
		awaitApplied(database, group, published);
		assertThat(applied(database, group)).isEqualTo(published);
	}

	private static void awaitApplied(DatabaseInfo database, String group, long records) {
		Awaitility.await()
			.atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> applied(database, group) >= records);
	}

	// The position the database reflects: on fresh topics, the records applied so far.
	private static long applied(DatabaseInfo database, String group) {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT coalesce(sum(NextOffset), 0) FROM ConsumerOffsets WHERE GroupId = ?")
			.param(group)
			.query(Long.class)
			.single();
	}

}

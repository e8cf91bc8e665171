package io.workflowpersistence.worker.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.simulator.SimulatorTopics;
import io.workflowpersistence.worker.testing.DatabaseUsers;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.TableSnapshot;
import io.workflowpersistence.worker.testing.WorkerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docs/operations/backup.md with the real jar: a worker consumes a stream into database
 * A; {@code pg_dump -Fc} of A is taken while events flow; {@code pg_restore} puts it into
 * a fresh database B; more events follow; the worker of A is stopped, the group's Kafka
 * offsets are reset to the earliest, and a worker of the same group starts on B. It reads
 * the topics again from the positions B holds, no earlier, and B's tables end equal to
 * those of A, which never stopped.
 */
class BackupRestoreProcessTests {

	private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	private static final String RUN = "backup" + UUID.randomUUID().toString().substring(0, 6);

	private static final String GROUP = "workflow-persistence-" + RUN;

	@Test
	void aDumpTakenWhileEventsFlowRestoredIntoAFreshDatabaseCatchesUpToTheTablesOfADatabaseThatNeverStopped()
			throws Exception {
		DatabaseUsers original = DatabaseUsers.create("backup_a");
		PostgresClientTools tools = PostgresClientTools.find(original.admin()).orElse(null);
		assumeTrue(tools != null, "Assumes PostgreSQL's client programs pg_dump and pg_restore of at least the "
				+ "server's major version (Debian's postgresql-client packages); none were found");
		DatabaseUsers restored = DatabaseUsers.install(TestDatabase.server().createDatabase("backup_b"), false);
		try {
			dumpWhileEventsFlowRestoreAndCatchUp(tools, original, restored);
		}
		finally {
			dropRoles(restored);
		}
	}

	private void dumpWhileEventsFlowRestoreAndCatchUp(PostgresClientTools tools, DatabaseUsers original,
			DatabaseUsers restored) throws Exception {
		List<ProducerRecord<byte[], byte[]>> stream = stream();
		int firstEnd = stream.size() / 2;
		int duringDumpEnd = stream.size() * 4 / 5;
		KAFKA.send(stream.subList(0, firstEnd));
		Path dump = Files.createTempFile("workflow-persistence-", ".dump");
		long appliedAfterDump;
		try (WorkerProcess worker = worker("original", original)) {
			worker.start().awaitStarted(Duration.ofMinutes(3));
			awaitApplied(original, firstEnd / 3);
			CompletableFuture<Void> flowing = CompletableFuture
				.runAsync(() -> publishSlowly(stream.subList(firstEnd, duringDumpEnd)));
			// As backup.md says: as the owner, while the workers run.
			tools.run("pg_dump", original.owner(), "--format=custom", "--file=" + dump);
			appliedAfterDump = applied(original);
			flowing.get();
			tools.run("pg_restore", restored.owner(), "--no-owner", "--no-privileges", "--no-comments",
					"--exit-on-error", "--single-transaction", dump.toString());
			KAFKA.send(stream.subList(duringDumpEnd, stream.size()));
			awaitApplied(original, stream.size());
		}
		Map<String, List<Map<String, Object>>> neverStopped = TableSnapshot.of(original.admin().dataSource());
		long restoredPosition = applied(restored);
		assertThat(restoredPosition).as("the restored positions, mid-stream")
			.isPositive()
			.isLessThanOrEqualTo(appliedAfterDump)
			.isLessThan(stream.size());
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.untilAsserted(BackupRestoreProcessTests::resetGroupToEarliest);

		try (WorkerProcess worker = worker("restored", restored)) {
			worker.start().awaitStarted(Duration.ofMinutes(3));
			awaitApplied(restored, stream.size());
			long handled = recordsHandled(worker);
			System.out.printf(
					"Stream of %d records; the dump reflected %d (the original database had %d right "
							+ "after it); the worker on the restored database read %d again%n",
					stream.size(), restoredPosition, appliedAfterDump, handled);
			assertThat(handled).as("records read again: those after the restored positions only")
				.isEqualTo(stream.size() - restoredPosition);
		}
		assertThat(TableSnapshot.of(restored.admin().dataSource())).isEqualTo(neverStopped);
		Files.deleteIfExists(dump);
	}

	// Roles belong to the whole server: the restored database's are dropped here, the
	// original's when the JVM exits.
	private static void dropRoles(DatabaseUsers users) {
		JdbcClient admin = JdbcClient.create(users.admin().dataSource());
		// One at a time: the owner's default privileges name the other two.
		for (DatabaseInfo role : List.of(users.owner(), users.worker(), users.reader())) {
			admin.sql("DROP OWNED BY " + role.username()).update();
			admin.sql("DROP ROLE " + role.username()).update();
		}
	}

	private static List<ProducerRecord<byte[], byte[]>> stream() {
		return new EngineSimulator(SimulatorSettings.defaults().withSeed(23).withInstances(1200)).records()
			.map((record) -> new ProducerRecord<>(RUN + "." + record.topic(), null, record.key(), record.value(),
					record.headers()))
			.toList();
	}

	private static void publishSlowly(List<ProducerRecord<byte[], byte[]>> records) {
		for (int start = 0; start < records.size(); start += 200) {
			KAFKA.send(records.subList(start, Math.min(records.size(), start + 200)));
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	// A restore's first step on the topics side (backup.md): partitions the restored
	// database has no position for are read from the start, not from where the group
	// got to after the backup.
	private static void resetGroupToEarliest() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, OffsetAndMetadata> earliest = new HashMap<>();
			committed.keySet().forEach((partition) -> earliest.put(partition, new OffsetAndMetadata(0)));
			admin.alterConsumerGroupOffsets(GROUP, earliest).all().get();
		}
	}

	// Every record a worker parsed: applied, stale or dead-lettered, and Kafka
	// tombstones.
	private static long recordsHandled(WorkerProcess worker) throws IOException, InterruptedException {
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(worker.url("/actuator/prometheus"))).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher samples = Pattern
			.compile("(?m)^workflow_ingest_(?:events|kafka_tombstones)_total(?:\\{[^}]*\\})? ([0-9.eE+]+)$")
			.matcher(metrics);
		double total = 0;
		while (samples.find()) {
			total += Double.parseDouble(samples.group(1));
		}
		return Math.round(total);
	}

	// The worker as the DML-only user; its Flyway, up to date, only reads the history.
	private static WorkerProcess worker(String name, DatabaseUsers users) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers());
		environment.put("SPRING_DATASOURCE_URL", users.worker().jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", users.worker().username());
		environment.put("SPRING_DATASOURCE_PASSWORD", users.worker().password());
		environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", GROUP);
		environment.put("SPRING_KAFKA_LISTENER_CONCURRENCY", "2");
		environment.put("WORKER_SECURITY_ENABLED", "false");
		environment.put("WORKER_INGEST_TOPICS",
				SimulatorTopics.ALL.stream().map((topic) -> RUN + "." + topic).collect(Collectors.joining(",")));
		return new WorkerProcess(RUN + "-" + name, environment);
	}

	private static void awaitApplied(DatabaseUsers database, long records) {
		Awaitility.await()
			.atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> applied(database) >= records);
	}

	// The position the database reflects: on fresh topics, the records applied so far.
	private static long applied(DatabaseUsers database) {
		return JdbcClient.create(database.admin().dataSource())
			.sql("SELECT coalesce(sum(NextOffset), 0) FROM ConsumerOffsets WHERE GroupId = ?")
			.param(GROUP)
			.query(Long.class)
			.single();
	}

}

package io.workflowpersistence.worker.replay;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.worker.replay.ReplayTesting.Outcome;
import io.workflowpersistence.worker.retention.RetentionCommand;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.TableSnapshot;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.workflowpersistence.worker.replay.ReplayTesting.KAFKA;
import static io.workflowpersistence.worker.replay.ReplayTesting.applied;
import static io.workflowpersistence.worker.replay.ReplayTesting.eventually;
import static io.workflowpersistence.worker.replay.ReplayTesting.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on a real broker and PostgreSQL: instances finished before and after their
 * time-to-live (the default, a status's and a definition's), running ones, and children
 * on other partitions and topics are consumed live; a sweep removes exactly the expired
 * ones with their children; the old events replayed live, and a rebuild from the topics,
 * both end with exactly the rows the sweep left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionReplayIntegrationTests {

	private static final String RUN = ReplayTesting.run("retention");

	private static final String GROUP = RUN + "-live";

	private static final List<String> TOPICS = ReplayTesting.topics(RUN);

	private static final Instant NOW = Instant.now();

	private static final List<String> RETENTION = List.of("--worker.retention.finished-instances=30d",
			"--worker.retention.by-status.Faulted=60d", "--worker.retention.by-definition[def-short]=1d");

	private static final List<String> REMOVED = List.of(RUN + "-old", RUN + "-faulted-old", RUN + "-short");

	private static final List<String> KEPT = List.of(RUN + "-recent", RUN + "-running", RUN + "-faulted-kept",
			RUN + "-short-fresh");

	private static final List<ProducerRecord<byte[], byte[]>> ORIGINAL = new ArrayList<>();

	private static DatabaseInfo database;

	private static List<String> settings;

	private static long published;

	private static Map<String, List<Map<String, Object>>> afterSweep;

	@BeforeAll
	static void consumeTheTopicsLiveWithoutRetention() {
		finished("old", "def-a", "Finished", NOW.minus(Duration.ofDays(40)));
		finished("recent", "def-a", "Finished", NOW.minus(Duration.ofDays(5)));
		finished("faulted-kept", "def-a", "Faulted", NOW.minus(Duration.ofDays(40)));
		finished("faulted-old", "def-a", "Faulted", NOW.minus(Duration.ofDays(90)));
		finished("short", "def-short", "Finished", NOW.minus(Duration.ofDays(2)));
		finished("short-fresh", "def-short", "Finished", NOW.minus(Duration.ofHours(2)));
		String running = RUN + "-running";
		ORIGINAL.add(Events.instance(running)
			.with("definitionId", "def-a")
			.with("createdAt", NOW.minus(Duration.ofDays(100)).toString())
			.version(1)
			.record(RUN + ".workflow.instances"));
		children(running);
		publish(ORIGINAL);
		database = TestDatabase.server().createDatabase("retention_live");
		settings = ReplayTesting.settings(database, GROUP, TOPICS);
		consume(false);
		assertThat(instances()).containsExactlyInAnyOrderElementsOf(concat(REMOVED, KEPT));
	}

	@Test
	@Order(1)
	void commandsRefuseBadArgumentsAndAWorkerWithoutATimeToLive() {
		Outcome help = retention("--help");
		assertThat(help.code()).isZero();
		assertThat(help.out()).contains("--dry-run").contains("Exit codes: 0 done, 1 failed, 2");

		Outcome unknown = retention(with(settings, "--bogus").toArray(String[]::new));
		assertThat(unknown.code()).as(unknown.toString()).isEqualTo(2);
		assertThat(unknown.err()).contains("error: unknown option or setting '--bogus'").contains("Usage:");

		Outcome off = retention(settings.toArray(String[]::new));
		assertThat(off.code()).as(off.toString()).isEqualTo(2);
		assertThat(off.err()).contains("WORKER_RETENTION_FINISHED_INSTANCES");

		Outcome unreachable = retention("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
				"--spring.kafka.bootstrap-servers=127.0.0.1:1", "--spring.datasource.hikari.connection-timeout=1000",
				RETENTION.get(0));
		assertThat(unreachable.code()).as(unreachable.toString()).isEqualTo(1);
		assertThat(unreachable.err()).startsWith("error: ");
		assertThat(instances()).hasSize(REMOVED.size() + KEPT.size());
	}

	@Test
	@Order(2)
	void aDryRunCountsWhatASweepWouldRemoveByDefinitionAndStatusAndRemovesNothing() {
		Map<String, List<Map<String, Object>>> before = TableSnapshot.of(database.dataSource());

		Outcome outcome = retention(withRetention("--dry-run"));

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(outcome.out()).contains("A sweep now would remove 3 instances, 6 activity records and 3 bookmarks")
			.containsPattern("def-a +Faulted +1\\b")
			.containsPattern("def-a +Finished +1\\b")
			.containsPattern("def-short +Finished +1\\b");
		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(before);
	}

	@Test
	@Order(3)
	void aSweepRemovesTheExpiredInstancesWithTheirChildrenAndKeepsTheRest() {
		Outcome outcome = retention(withRetention("--worker.retention.chunk-size=2"));

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(outcome.out()).contains("Removed 3 instances, 6 activity records and 3 bookmarks");
		assertThat(instances()).containsExactlyInAnyOrderElementsOf(KEPT);
		assertThat(childrenOf("ActivityExecutionRecords")).containsOnlyKeys(KEPT);
		assertThat(childrenOf("Bookmarks")).containsOnlyKeys(KEPT);
		assertThat(removalRecords()).containsExactlyInAnyOrderElementsOf(REMOVED);
		afterSweep = TableSnapshot.of(database.dataSource());
		assertThat(afterSweep.get("InstanceCountDeltas"))
			.isEqualTo(TableSnapshot.countedInstances(database.dataSource()));

		Outcome again = retention(withRetention());
		assertThat(again.out()).contains("Removed 0 instances");
	}

	@Test
	@Order(4)
	void theOldEventsReplayedLiveAndLateChildrenOnOtherPartitionsDoNotBringAnythingBack() {
		List<ProducerRecord<byte[], byte[]>> late = new ArrayList<>(ORIGINAL);
		for (String removed : REMOVED) {
			// Children of removed instances, on another partition than their instance's.
			late.add(onPartition(Events.activity(removed + "-late", removed).version(9).record(topic("activities")),
					partitionOther(removed)));
			late.add(onPartition(Events.bookmark(removed + "-late-b", removed).version(9).record(topic("bookmarks")),
					partitionOther(removed)));
		}
		publish(late);

		consume(true);

		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(afterSweep);
		assertThat(removalRecords()).containsExactlyInAnyOrderElementsOf(REMOVED);
	}

	@Test
	@Order(5)
	void aRebuildFromTheTopicsEndsWithTheRowsLiveIngestionAndRetentionLeft() {
		Outcome outcome = ReplayTesting.command(List.of(withRetention("rebuild")));

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(afterSweep);
		assertThat(removalRecords()).containsExactlyInAnyOrderElementsOf(REMOVED);
	}

	private static void finished(String name, String definitionId, String status, Instant finishedAt) {
		String id = RUN + "-" + name;
		ORIGINAL.add(Events.instance(id)
			.with("definitionId", definitionId)
			.with("createdAt", finishedAt.minus(Duration.ofHours(1)).toString())
			.version(1)
			.record(topic("instances")));
		children(id);
		ORIGINAL.add(Events.instance(id)
			.with("definitionId", definitionId)
			.with("status", status)
			.with("createdAt", finishedAt.minus(Duration.ofHours(1)).toString())
			.with("finishedAt", finishedAt.toString())
			.version(2)
			.record(topic("instances")));
	}

	private static void children(String instanceId) {
		ORIGINAL.add(Events.activity(instanceId + "-a1", instanceId).version(1).record(topic("activities")));
		ORIGINAL.add(Events.activity(instanceId + "-a2", instanceId).version(1).record(topic("activities")));
		ORIGINAL.add(Events.bookmark(instanceId + "-b1", instanceId).version(1).record(topic("bookmarks")));
	}

	private static String topic(String family) {
		return RUN + ".workflow." + family;
	}

	private static ProducerRecord<byte[], byte[]> onPartition(ProducerRecord<byte[], byte[]> record, int partition) {
		return new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), record.headers());
	}

	// Any partition but the one the instance's own key goes to.
	private static int partitionOther(String instanceId) {
		List<Integer> partitions = KAFKA.readAll(topic("instances"))
			.stream()
			.filter((record) -> new String(record.key(), StandardCharsets.UTF_8).equals(instanceId))
			.map((record) -> record.partition())
			.distinct()
			.toList();
		return (partitions.get(0) + 1) % 3;
	}

	private static void publish(List<ProducerRecord<byte[], byte[]>> records) {
		KAFKA.send(records);
		published += records.size();
	}

	private static void consume(boolean retention) {
		List<String> extra = retention ? RETENTION : List.of();
		try (LiveWorker worker = LiveWorker.start(database, GROUP, TOPICS, false, extra)) {
			eventually().until(() -> applied(database, GROUP) == published);
		}
	}

	private static String[] withRetention(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(settings);
		all.addAll(RETENTION);
		return all.toArray(String[]::new);
	}

	private static List<String> instances() {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT Id FROM WorkflowInstances")
			.query(String.class)
			.list();
	}

	private static List<String> removalRecords() {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT Id FROM RemovedInstances")
			.query(String.class)
			.list();
	}

	private static Map<String, Object> childrenOf(String table) {
		Map<String, Object> counts = new TreeMap<>();
		JdbcClient.create(database.dataSource())
			.sql("SELECT WorkflowInstanceId, count(*) FROM " + table + " GROUP BY WorkflowInstanceId")
			.query((row) -> {
				counts.put(row.getString(1), row.getLong(2));
			});
		return counts;
	}

	private static Outcome retention(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code;
		try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			code = RetentionCommand.run(List.of(args), outStream, errStream);
		}
		return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}

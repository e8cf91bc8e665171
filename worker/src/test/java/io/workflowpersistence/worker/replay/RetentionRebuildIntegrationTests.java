package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.worker.replay.ReplayTesting.Outcome;
import io.workflowpersistence.worker.retention.RetentionCommand;
import io.workflowpersistence.worker.testing.TableSnapshot;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.workflowpersistence.worker.replay.ReplayTesting.KAFKA;
import static io.workflowpersistence.worker.replay.ReplayTesting.applied;
import static io.workflowpersistence.worker.replay.ReplayTesting.eventually;
import static io.workflowpersistence.worker.replay.ReplayTesting.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention over an engine's stream with duplicates, out-of-order versions and deletes,
 * half of it from instances that finished 45 days ago: a live worker with a 30-day
 * time-to-live removes them as they arrive and by its sweep, and a rebuild from the same
 * topics with the same settings gives the same rows, removal records included.
 */
class RetentionRebuildIntegrationTests {

	private static final String RUN = ReplayTesting.run("retentionrebuild");

	private static final String GROUP = RUN + "-live";

	private static final List<String> TOPICS = ReplayTesting.topics(RUN);

	private static final List<String> RETENTION = List.of("--worker.retention.finished-instances=30d");

	@Test
	void aRebuildWithRetentionEqualsLiveIngestionWithRetention() {
		Instant now = Instant.now();
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(ReplayTesting.simulated(RUN,
				SimulatorSettings.defaults()
					.withSeed(5)
					.withInstances(200)
					.withDelivery(0.1, 0.1, 0.3)
					.withStartTime(now.minus(Duration.ofDays(45)))));
		records.addAll(ReplayTesting.simulated(RUN,
				SimulatorSettings.defaults()
					.withSeed(6)
					.withInstances(200)
					.withDelivery(0.1, 0.1, 0.3)
					.withStartTime(now.minus(Duration.ofHours(1)))));
		KAFKA.send(records);
		DatabaseInfo database = TestDatabase.server().createDatabase("retention_rebuild");
		List<String> settings = new ArrayList<>(ReplayTesting.settings(database, GROUP, TOPICS));
		settings.addAll(RETENTION);
		try (LiveWorker worker = LiveWorker.start(database, GROUP, TOPICS, false, RETENTION)) {
			eventually().until(() -> applied(database, GROUP) == records.size());
		}
		assertThat(RetentionCommand.run(settings, System.out, System.err)).isZero();
		Map<String, List<Map<String, Object>>> live = TableSnapshot.of(database.dataSource());
		List<String> removed = removalRecords(database);
		JdbcClient jdbc = JdbcClient.create(database.dataSource());
		assertThat(removed).hasSizeGreaterThan(100);
		assertThat(jdbc.sql("SELECT count(*) FROM WorkflowInstances WHERE FinishedAt < now() - interval '30 days'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("SELECT count(*) FROM ActivityExecutionRecords a JOIN RemovedInstances r "
					+ "ON r.Id = a.WorkflowInstanceId")
			.query(Long.class)
			.single()).isZero();
		assertThat(live.get("WorkflowInstances")).hasSizeGreaterThan(100);
		assertThat(live.get("InstanceCountDeltas")).isEqualTo(TableSnapshot.countedInstances(database.dataSource()));

		Outcome rebuild = ReplayTesting.command(with(settings, "rebuild", "--threads", "3"));

		assertThat(rebuild.code()).as(rebuild.toString()).isZero();
		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(live);
		assertThat(removalRecords(database)).isEqualTo(removed);
	}

	private static List<String> removalRecords(DatabaseInfo database) {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT Id FROM RemovedInstances ORDER BY Id")
			.query(String.class)
			.list();
	}

}

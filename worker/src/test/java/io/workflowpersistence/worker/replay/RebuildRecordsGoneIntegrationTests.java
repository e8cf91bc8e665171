package io.workflowpersistence.worker.replay;

import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.worker.replay.ReplayTesting.Outcome;
import io.workflowpersistence.worker.testing.TableSnapshot;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.workflowpersistence.worker.replay.ReplayTesting.KAFKA;
import static io.workflowpersistence.worker.replay.ReplayTesting.applied;
import static io.workflowpersistence.worker.replay.ReplayTesting.command;
import static io.workflowpersistence.worker.replay.ReplayTesting.eventually;
import static io.workflowpersistence.worker.replay.ReplayTesting.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild over topics that lost records: consumed live once in full, then records are
 * deleted from the start of two partitions (as retention would) with
 * {@code Admin.deleteRecords}. The rebuild refuses, names each partition and the offsets
 * gone, and leaves the live tables untouched; {@code --allow-incomplete} lets it go on;
 * the dry run reports the same.
 */
class RebuildRecordsGoneIntegrationTests {

	private static final String RUN = ReplayTesting.run("gone");

	private static final String GROUP = RUN + "-live";

	private static final List<String> TOPICS = ReplayTesting.topics(RUN);

	private static final TopicPartition INSTANCES_0 = new TopicPartition(RUN + ".workflow.instances", 0);

	private static final TopicPartition ACTIVITIES_2 = new TopicPartition(RUN + ".workflow.activities", 2);

	private static DatabaseInfo database;

	private static List<String> settings;

	private static long published;

	private static Map<String, List<Map<String, Object>>> live;

	@BeforeAll
	static void consumeTheTopicsLiveThenDeleteTheirFirstRecords() throws Exception {
		List<ProducerRecord<byte[], byte[]>> records = ReplayTesting.simulated(RUN,
				SimulatorSettings.defaults().withSeed(11).withInstances(100));
		KAFKA.send(records);
		published = records.size();
		database = TestDatabase.server().createDatabase("rebuild_gone");
		settings = ReplayTesting.settings(database, GROUP, TOPICS);
		try (LiveWorker worker = LiveWorker.start(database, GROUP, TOPICS, false)) {
			eventually().until(() -> applied(database, GROUP) == published);
		}
		live = TableSnapshot.of(database.dataSource());
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
			admin
				.deleteRecords(Map.of(INSTANCES_0, RecordsToDelete.beforeOffset(7), ACTIVITIES_2,
						RecordsToDelete.beforeOffset(25)))
				.all()
				.get();
		}
	}

	@Test
	void aRebuildRefusesNamingEachPartitionAndTheOffsetsGoneAndChangesNothing() {
		List<Map<String, Object>> schemas = schemas(database);
		List<Map<String, Object>> positions = positions(database);

		Outcome fresh = command(with(settings, "rebuild"));
		Outcome inPlace = command(with(settings, "rebuild", "--in-place", "--confirm-empty-tables"));

		for (Outcome outcome : List.of(fresh, inPlace)) {
			assertThat(outcome.code()).as(outcome.toString()).isEqualTo(4);
			assertThat(outcome.err()).contains("Records are gone from the topics: 32 offsets of 2 partitions")
				.contains(INSTANCES_0 + ": 7 offsets gone (reading starts at 0, the log at 7)")
				.contains(ACTIVITIES_2 + ": 25 offsets gone (reading starts at 0, the log at 25)")
				.contains("nothing was changed")
				.contains("--allow-incomplete");
		}
		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(live);
		assertThat(schemas(database)).as("no rebuild schema created").isEqualTo(schemas);
		assertThat(positions(database)).isEqualTo(positions);
	}

	@Test
	void aDryRunReportsTheRecordsGoneAndThatTheRebuildWouldRefuse() {
		Outcome outcome = command(with(settings, "rebuild", "--dry-run"));

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(outcome.out())
			.contains("Records are gone from the topics: 32 offsets of 2 partitions. "
					+ "The rebuild refuses (exit code 4) unless --allow-incomplete is given:")
			.contains(INSTANCES_0 + ": 7 offsets gone")
			.contains(ACTIVITIES_2 + ": 25 offsets gone")
			.containsPattern(INSTANCES_0.topic().replace(".", "\\.") + " +0 +7 +\\d+");
		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(live);
	}

	@Test
	void allowIncompleteRebuildsFromWhatIsLeftAndSaysWhatItLacks() {
		DatabaseInfo lost = TestDatabase.server().createDatabase("rebuild_gone_lost");

		Outcome outcome = command(
				with(ReplayTesting.settings(lost, GROUP, TOPICS), "rebuild", "--allow-incomplete", "--threads", "2"));

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(outcome.out())
			.contains("Rebuilding without 32 offsets gone from the topics, as --allow-incomplete asks:")
			.contains(INSTANCES_0 + ": 7 offsets gone")
			.contains(String.format("read %,d records", published - 32))
			.contains("Swapped the rebuilt schema in for public");
		assertThat(applied(lost, GROUP + ".rebuild")).as("positions up to the ends").isEqualTo(published);
	}

	@Test
	void aResumedRebuildWhoseSchemaIsPastTheRecordsGoneIsNotRefused() {
		DatabaseInfo resumed = TestDatabase.server().migratedDatabase("rebuild_gone_resumed");
		JdbcClient jdbc = JdbcClient.create(resumed.dataSource());
		jdbc.sql("CREATE SCHEMA rebuild_past_the_gap").update();
		Flyway.configure()
			.dataSource(resumed.jdbcUrl(), resumed.username(), resumed.password())
			.schemas("rebuild_past_the_gap")
			.load()
			.migrate();
		for (TopicPartition partition : List.of(INSTANCES_0, ACTIVITIES_2)) {
			jdbc.sql("INSERT INTO rebuild_past_the_gap.ConsumerOffsets (GroupId, Topic, PartitionId, NextOffset) "
					+ "VALUES (?, ?, ?, 30)")
				.params(GROUP + ".rebuild", partition.topic(), partition.partition())
				.update();
		}

		Outcome outcome = command(
				with(ReplayTesting.settings(resumed, GROUP, TOPICS), "rebuild", "--schema", "rebuild_past_the_gap"));

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(outcome.out()).doesNotContain("offsets gone").contains("Swapped the rebuilt schema in");
	}

	private static List<Map<String, Object>> schemas(DatabaseInfo database) {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT nspname FROM pg_namespace ORDER BY nspname")
			.query()
			.listOfRows();
	}

	private static List<Map<String, Object>> positions(DatabaseInfo database) {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT * FROM ConsumerOffsets ORDER BY GroupId, Topic, PartitionId")
			.query()
			.listOfRows();
	}

}

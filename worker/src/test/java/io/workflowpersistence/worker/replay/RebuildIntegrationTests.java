package io.workflowpersistence.worker.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.worker.replay.ReplayTesting.Outcome;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.TableSnapshot;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
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
 * The rebuild command on a real broker and PostgreSQL: topics holding duplicates,
 * out-of-order versions, deletes, poison records and a Kafka tombstone are consumed live
 * once; rebuilding them, into a fresh schema or in place, gives the same tables row for
 * row, and dead-letters nothing twice.
 */
class RebuildIntegrationTests {

	private static final String RUN = ReplayTesting.run("rebuild");

	private static final String GROUP = RUN + "-live";

	private static final List<String> TOPICS = ReplayTesting.topics(RUN);

	private static final String INSTANCES = RUN + ".workflow.instances";

	private static DatabaseInfo database;

	private static List<String> settings;

	private static long published;

	private static int poisons;

	private static Map<String, List<Map<String, Object>>> live;

	@BeforeAll
	static void consumeTheTopicsLive() {
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(ReplayTesting.simulated(RUN,
				SimulatorSettings.defaults().withSeed(7).withInstances(300).withDelivery(0.1, 0.1, 0.3)));
		List<ProducerRecord<byte[], byte[]>> bad = List.of(Events.raw(INSTANCES, RUN + "-p1", "{not json".getBytes()),
				Events.instance(RUN + "-p2").without("id").version(1).record(INSTANCES),
				Events.instance(RUN + "-p3").with("name", "n".repeat(300)).version(1).record(INSTANCES),
				Events.instance(RUN + "-p4").with("data", Map.of("note", "a\u0000b")).version(1).record(INSTANCES),
				Events.activity(RUN + "-p5", RUN + "-i").record(RUN + ".workflow.activities"));
		poisons = bad.size();
		for (int index = 0; index < bad.size(); index++) {
			records.add(records.size() * (index + 1) / (bad.size() + 1), bad.get(index));
		}
		records.add(new ProducerRecord<>(INSTANCES, (RUN + "-tombstone").getBytes(), null));
		KAFKA.send(records);
		published = records.size();
		database = TestDatabase.server().createDatabase("rebuild_live");
		settings = ReplayTesting.settings(database, GROUP, TOPICS);
		try (LiveWorker worker = LiveWorker.start(database, GROUP, TOPICS, false)) {
			eventually().until(() -> applied(database, GROUP) == published);
		}
		assertThat(deadLetters()).isEqualTo(poisons);
		live = TableSnapshot.of(database.dataSource());
		assertThat(live.get("WorkflowInstances")).hasSizeGreaterThan(250);
		assertThat(live.get("InstanceCountDeltas")).isEqualTo(TableSnapshot.countedInstances(database.dataSource()));
		assertThat(live.get("Tombstones")).isNotEmpty();
	}

	@AfterAll
	static void noRebuildDeadLettersAgain() {
		assertThat(deadLetters()).isEqualTo(poisons);
	}

	@Test
	void aRebuildIntoAFreshSchemaSwapsInTheTablesLiveConsumptionBuilt() {
		JdbcClient jdbc = JdbcClient.create(database.dataSource());
		String workerRole = RUN + "_worker";
		jdbc.sql("CREATE ROLE " + workerRole).update();
		try {
			jdbc.sql("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + workerRole).update();
			List<Map<String, Object>> privileges = privileges(workerRole);

			Outcome outcome = command(with(settings, "rebuild", "--progress-interval", "1s"));

			assertThat(outcome.code()).as(outcome.toString()).isZero();
			assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(live);
			assertThat(outcome.out()).contains("Swapped the rebuilt schema in for public")
				.contains(String.format("%d dead-lettered (%d already in the dead-letter topics, 0 published)", poisons,
						poisons))
				.contains("Rebuild: ");
			assertThat(privileges(workerRole)).as("the worker's privileges on the rebuilt tables")
				.isEqualTo(privileges)
				.hasSizeGreaterThanOrEqualTo(40);
			String retired = jdbc.sql("SELECT max(nspname) FROM pg_namespace WHERE nspname LIKE 'public_replaced_%'")
				.query(String.class)
				.single();
			assertThat(jdbc.sql("SELECT count(*) FROM " + retired + ".WorkflowInstances").query(Long.class).single())
				.isEqualTo(live.get("WorkflowInstances").size());
			assertThat(applied(database, GROUP)).as("the live group's positions, handed over").isEqualTo(published);
			assertThat(applied(database, GROUP + ".rebuild")).isEqualTo(published);
			assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rebuild_%'")
				.query(Long.class)
				.single()).as("the fresh schema, emptied into the live one").isZero();
		}
		finally {
			jdbc.sql("DROP OWNED BY " + workerRole).update();
			jdbc.sql("DROP ROLE " + workerRole).update();
		}
	}

	@Test
	void aRebuildInPlaceNeedsConfirmingAndFillsTheEmptiedTablesAgain() {
		Outcome unconfirmed = command(with(settings, "rebuild", "--in-place"));
		assertThat(unconfirmed.code()).isEqualTo(2);
		assertThat(unconfirmed.err()).contains("--confirm-empty-tables");

		Outcome outcome = command(with(settings, "rebuild", "--in-place", "--confirm-empty-tables", "--threads", "3"));

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(outcome.out()).contains("Rebuilt the live tables of schema public in place");
		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(live);
	}

	@Test
	void aDryRunReportsTopicsPartitionsOffsetsAndRecordsAndWritesNothing() {
		List<Map<String, Object>> schemas = schemas();
		List<Map<String, Object>> positions = positions();

		Outcome outcome = command(with(settings, "rebuild", "--dry-run"));
		System.out.println(outcome);

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(outcome.out()).contains("Dry run: nothing is written")
			.contains("No rebuild is running now")
			.contains(String.format("6 topics, 18 partitions, %,d records to read", published))
			.containsPattern(INSTANCES.replace(".", "\\.") + " +0 +0 +\\d+ +\\d+ +\\d+");
		assertThat(schemas()).isEqualTo(schemas);
		assertThat(positions()).isEqualTo(positions);
	}

	@Test
	void aRebuildIsRefusedWhileAnotherHoldsTheLock() throws Exception {
		ConnectionSettings connection = new ConnectionSettings(database.jdbcUrl(), database.username(),
				database.password());
		try (RebuildLock held = RebuildLock.acquire(connection)) {
			Outcome outcome = command(with(settings, "rebuild"));

			assertThat(outcome.code()).as(outcome.toString()).isEqualTo(3);
			assertThat(outcome.err()).contains("Another rebuild is running on this database")
				.contains("workflow-persistence rebuild");
			assertThat(command(with(settings, "rebuild", "--dry-run")).out()).contains("A rebuild is running now");
		}
	}

	@Test
	void aRebuildOfALostDatabaseCreatesTheSchemaAndFillsIt() {
		DatabaseInfo lost = TestDatabase.server().createDatabase("rebuild_lost");

		Outcome outcome = command(with(ReplayTesting.settings(lost, GROUP, TOPICS), "rebuild"));

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(TableSnapshot.of(lost.dataSource())).isEqualTo(live);
		assertThat(JdbcClient.create(lost.dataSource())
			.sql("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
					+ "WHERE e.extname = 'pg_trgm'")
			.query(String.class)
			.single()).isEqualTo("public");
	}

	@Test
	void anInterruptedRebuildResumesFromThePositionsItsSchemaRecords() {
		DatabaseInfo resumed = TestDatabase.server().migratedDatabase("rebuild_resumed");
		JdbcClient jdbc = JdbcClient.create(resumed.dataSource());
		jdbc.sql("CREATE SCHEMA rebuild_interrupted").update();
		Flyway.configure()
			.dataSource(resumed.jdbcUrl(), resumed.username(), resumed.password())
			.schemas("rebuild_interrupted")
			.load()
			.migrate();
		long skipped = KAFKA.readAll(INSTANCES).stream().filter((record) -> record.partition() == 0).count();
		jdbc.sql("INSERT INTO rebuild_interrupted.ConsumerOffsets (GroupId, Topic, PartitionId, NextOffset) "
				+ "VALUES (?, ?, 0, ?)")
			.params(GROUP + ".rebuild", INSTANCES, skipped)
			.update();

		Outcome outcome = command(
				with(ReplayTesting.settings(resumed, GROUP, TOPICS), "rebuild", "--schema", "rebuild_interrupted"));

		assertThat(outcome.code()).as(outcome.toString()).isZero();
		assertThat(outcome.out()).contains(String.format("read %,d records", published - skipped));
		assertThat(applied(resumed, GROUP)).isEqualTo(published);
	}

	@Test
	void aFailedRebuildLeavesTheLiveTablesAloneAndSaysWhatItLeftBehind() {
		Outcome outcome = command(with(settings, "rebuild", "--schema", "rebuild_failing",
				"--spring.flyway.locations=classpath:db/nothing-here"));

		assertThat(outcome.code()).as(outcome.toString()).isEqualTo(1);
		assertThat(outcome.err()).contains("did not create [WorkflowCategories")
			.contains("The partial schema rebuild_failing is kept: run the rebuild again with --schema "
					+ "rebuild_failing to resume it, or remove it with DROP SCHEMA rebuild_failing CASCADE");
		assertThat(TableSnapshot.of(database.dataSource())).isEqualTo(live);
		JdbcClient.create(database.dataSource()).sql("DROP SCHEMA rebuild_failing CASCADE").update();
	}

	private static List<Map<String, Object>> privileges(String role) {
		return JdbcClient.create(database.dataSource())
			.sql("""
					SELECT table_name, privilege_type FROM information_schema.role_table_grants
					WHERE grantee = ? AND table_schema = 'public' ORDER BY table_name, privilege_type""")
			.param(role)
			.query()
			.listOfRows();
	}

	private static List<Map<String, Object>> schemas() {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT nspname FROM pg_namespace ORDER BY nspname")
			.query()
			.listOfRows();
	}

	private static List<Map<String, Object>> positions() {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT * FROM ConsumerOffsets ORDER BY GroupId, Topic, PartitionId")
			.query()
			.listOfRows();
	}

	private static long deadLetters() {
		return TOPICS.stream().mapToLong((topic) -> KAFKA.readAll(topic + ".DLT").size()).sum();
	}

}

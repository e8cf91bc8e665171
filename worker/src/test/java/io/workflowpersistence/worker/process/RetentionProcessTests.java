package io.workflowpersistence.worker.process;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention command of the real jar, configured through the environment as ops run
 * it: its help, its refusal without a time-to-live or with an unknown option (exit 2),
 * its dry run, and a sweep that removes only the instances past their time-to-live.
 */
class RetentionProcessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@Test
	void theJarsRetentionCommandCountsRemovesAndRefuses() throws Exception {
		DatabaseInfo database = TestDatabase.server().migratedDatabase("retention_jar");
		JdbcClient jdbc = JdbcClient.create(database.dataSource());
		jdbc.sql("""
				INSERT INTO WorkflowInstances (Id, DefinitionId, Status, FinishedAt, EventVersion) VALUES
				    ('old', 'def-a', 'Finished', now() - interval '40 days', 2),
				    ('old-faulted', 'def-a', 'Faulted', now() - interval '40 days', 2),
				    ('recent', 'def-a', 'Finished', now() - interval '2 days', 2),
				    ('running', 'def-a', 'Running', NULL, 1)
				""").update();
		jdbc.sql("INSERT INTO ActivityExecutionRecords (Id, WorkflowInstanceId, ActivityId, Status) "
				+ "VALUES ('old-a', 'old', 'A', 'Completed'), ('running-a', 'running', 'A', 'Running')")
			.update();
		Map<String, String> off = environment(database);
		Map<String, String> on = new HashMap<>(off);
		on.put("WORKER_RETENTION_FINISHED_INSTANCES", "30d");
		on.put("WORKER_RETENTION_BYSTATUS_FAULTED", "60d");

		try (JarCommand help = JarCommand.start("retention-help", off, "retention", "--help")) {
			assertThat(help.awaitExit(TIMEOUT)).isZero();
			assertThat(help.output()).contains("Usage: java -jar worker.jar retention").contains("--dry-run");
		}
		try (JarCommand unset = JarCommand.start("retention-off", off, "retention")) {
			assertThat(unset.awaitExit(TIMEOUT)).as(unset.output()).isEqualTo(2);
			assertThat(unset.output()).contains("error: no time-to-live is set");
		}
		try (JarCommand unknown = JarCommand.start("retention-unknown", on, "retention", "--now")) {
			assertThat(unknown.awaitExit(TIMEOUT)).as(unknown.output()).isEqualTo(2);
			assertThat(unknown.output()).contains("error: unknown option or setting '--now'")
				.contains("Usage: java -jar worker.jar retention");
		}
		try (JarCommand dryRun = JarCommand.start("retention-dry-run", on, "retention", "--dry-run")) {
			assertThat(dryRun.awaitExit(TIMEOUT)).as(dryRun.output()).isZero();
			assertThat(dryRun.output())
				.contains("A sweep now would remove 1 instances, 1 activity records and 0 bookmarks")
				.containsPattern("def-a +Finished +1\\b");
		}
		assertThat(ids(jdbc)).containsExactly("old", "old-faulted", "recent", "running");
		try (JarCommand sweep = JarCommand.start("retention-sweep", on, "retention")) {
			assertThat(sweep.awaitExit(TIMEOUT)).as(sweep.output()).isZero();
			assertThat(sweep.output()).contains("Removed 1 instances, 1 activity records and 0 bookmarks");
		}
		assertThat(ids(jdbc)).containsExactly("old-faulted", "recent", "running");
		assertThat(jdbc.sql("SELECT Id FROM RemovedInstances").query(String.class).list()).containsExactly("old");
	}

	private static List<String> ids(JdbcClient jdbc) {
		return jdbc.sql("SELECT Id FROM WorkflowInstances ORDER BY Id").query(String.class).list();
	}

	private static Map<String, String> environment(DatabaseInfo database) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		environment.put("SPRING_DATASOURCE_PASSWORD", (database.password() != null) ? database.password() : "");
		// Never contacted: the command reads and writes the database only.
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
		return environment;
	}

}

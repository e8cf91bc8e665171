package io.workflowpersistence.worker.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.WorkerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level command line of the real jar: help lists the commands and exits at once,
 * a mistyped command is refused before anything starts, and no command still runs the
 * worker. "Nothing started" is checked where it would show: the embedded run's data
 * directory stays empty, the configured database gets no table and the configured broker
 * sees no consumer group.
 */
class CommandLineProcessTests {

	private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	private static final String RUN = "cli" + UUID.randomUUID().toString().substring(0, 6);

	@TempDir
	Path data;

	@ParameterizedTest
	@ValueSource(strings = { "--help", "-h", "help" })
	void helpPrintsTheCommandsAndExitsWithoutStartingAnything(String help) throws Exception {
		long started = System.nanoTime();
		try (JarCommand command = JarCommand.start(RUN + "-help" + help.replace("-", ""), embeddedRun(), help)) {
			assertThat(command.awaitExit(Duration.ofSeconds(30))).as(command.output()).isZero();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
			assertThat(command.output()).contains("Usage: java -jar worker.jar [COMMAND]")
				.containsPattern("\\n  run +Run the worker")
				.containsPattern("\\n  rebuild +")
				.containsPattern("\\n  redrive +")
				.containsPattern("\\n  simulate +")
				.doesNotContain("Started WorkerApplication")
				.doesNotContain("Tomcat");
		}
		assertThat(filesIn(this.data)).as("the embedded run's data directory").isZero();
	}

	@Test
	void aMistypedCommandIsRefusedWithASuggestionAndStartsNothing() throws Exception {
		DatabaseInfo database = TestDatabase.server().createDatabase("cli_typo");
		Map<String, String> environment = servers(database, RUN + "-typo");
		try (JarCommand command = JarCommand.start(RUN + "-typo", environment, "rebuld", "--dry-run")) {
			assertThat(command.awaitExit(Duration.ofSeconds(30))).as(command.output()).isEqualTo(2);
			assertThat(command.output()).contains("error: unknown command 'rebuld'")
				.contains("Did you mean: rebuild?")
				.contains("Usage: java -jar worker.jar [COMMAND]")
				.doesNotContain("Started WorkerApplication");
		}
		assertThat(JdbcClient.create(database.dataSource())
			.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
			.query(Long.class)
			.single()).as("tables the worker's migrations would have made").isZero();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
			assertThat(admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId))
				.noneMatch((group) -> group.startsWith(RUN + "-typo"));
		}
	}

	@Test
	void noCommandRunsTheWorker() throws Exception {
		DatabaseInfo database = TestDatabase.server().createDatabase("cli_worker");
		Map<String, String> environment = servers(database, RUN + "-worker");
		try (WorkerProcess worker = new WorkerProcess(RUN + "-worker", environment).start()) {
			worker.awaitStarted(Duration.ofMinutes(2));
			assertThat(worker.healthStatus("db")).isEqualTo("UP");
			assertThat(JdbcClient.create(database.dataSource())
				.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
				.query(Long.class)
				.single()).as("migrations applied by the worker").isPositive();
		}
	}

	private Map<String, String> embeddedRun() {
		Map<String, String> environment = new HashMap<>();
		environment.put("WORKER_EMBEDDED_DATA_DIRECTORY", this.data.toString());
		environment.put("SERVER_PORT", "0");
		return environment;
	}

	private static Map<String, String> servers(DatabaseInfo database, String group) {
		Map<String, String> environment = WorkerProcess.connectedTo(KAFKA.bootstrapServers(), database);
		environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", group);
		environment.put("WORKER_SECURITY_ENABLED", "false");
		return environment;
	}

	private static long filesIn(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((path) -> !path.equals(directory)).count();
		}
	}

}

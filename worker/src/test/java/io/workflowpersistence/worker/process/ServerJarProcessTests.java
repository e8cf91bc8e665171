package io.workflowpersistence.worker.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.HttpAnswer;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.WorkerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production jar, worker-server.jar, run as the Docker image runs it: against a real
 * broker and database it ingests events and answers the read API without the embedded
 * servers; given no server, it exits at once with a message that says what to set or run
 * instead, and starts nothing.
 */
class ServerJarProcessTests {

	private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	private static final String RUN = "serverjar" + UUID.randomUUID().toString().substring(0, 6);

	private static final String TOPIC = RUN + ".workflow.instances";

	@TempDir
	Path data;

	@Test
	void againstRealServersItIngestsEventsAndAnswersTheReadApi() throws Exception {
		DatabaseInfo database = TestDatabase.server().createDatabase("server_jar");
		Map<String, String> environment = WorkerProcess.connectedTo(KAFKA.bootstrapServers(), database);
		environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", RUN);
		environment.put("WORKER_INGEST_TOPICS", TOPIC);
		environment.put("WORKER_SECURITY_ENABLED", "false");
		// Published before the start, so that the topic exists when the worker
		// subscribes.
		KAFKA.send(Events.instance(RUN + "-before").with("name", "Before the start").version(1).record(TOPIC));
		try (WorkerProcess worker = new WorkerProcess(RUN, environment).start()) {
			worker.awaitStarted(Duration.ofMinutes(2));
			KAFKA.send(Events.instance(RUN + "-after").with("name", "After the start").version(1).record(TOPIC));
			Awaitility.await()
				.atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(250))
				.untilAsserted(() -> assertThat(instance(worker, RUN + "-after").status()).isEqualTo(200));
			assertThat(instance(worker, RUN + "-before").body()).contains("\"name\":\"Before the start\"");
			assertThat(instance(worker, RUN + "-after").body()).contains("\"name\":\"After the start\"");
			assertThat(HttpAnswer.send(HttpAnswer.get(worker.url("/api/v1/instances?limit=5"))).body())
				.contains(RUN + "-before")
				.contains(RUN + "-after");
			assertThat(worker.healthStatus("db")).isEqualTo("UP");
		}
	}

	@Test
	void withNothingConfiguredItExitsWithAMessageSayingWhatToSetAndStartsNothing() throws Exception {
		assertThat(Stream.of("SPRING_DATASOURCE_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS").map(System::getenv))
			.as("servers configured in the tests' own environment, which the jar would inherit")
			.containsOnlyNulls();
		Map<String, String> environment = Map.of("WORKER_EMBEDDED_DATA_DIRECTORY", this.data.toString(), "SERVER_PORT",
				"0");
		try (JarCommand command = JarCommand.start(RUN + "-unconfigured", environment)) {
			assertThat(command.awaitExit(Duration.ofSeconds(60))).as(command.output()).isEqualTo(1);
			assertThat(command.output()).contains("has no embedded PostgreSQL and Kafka broker")
				.contains("SPRING_DATASOURCE_URL")
				.contains("SPRING_KAFKA_BOOTSTRAP_SERVERS")
				.contains("run worker.jar")
				.doesNotContain("NoClassDefFoundError")
				.doesNotContain("\tat ")
				.doesNotContain("Started WorkerApplication");
		}
		try (Stream<Path> files = Files.list(this.data)) {
			assertThat(files.toList()).as("the embedded run's data directory").isEqualTo(List.of());
		}
	}

	private static HttpAnswer instance(WorkerProcess worker, String id) {
		return HttpAnswer.send(HttpAnswer.get(worker.url("/api/v1/instances/" + id)));
	}

}

package io.workflowpersistence.worker.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.workflowpersistence.worker.embedded.ComposeFile.Mount;
import io.workflowpersistence.worker.testing.ComposePostgres;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.KafkaBrokerProcess;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.WorkerProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code docker compose up} does, step by step on real servers, without Docker: a
 * fresh PostgreSQL with the {@code postgres} service's settings file and password, its
 * init scripts run by the superuser, the migrations of the folder the {@code migrate}
 * service mounts applied with its user and password, a Kafka broker, and the packaged
 * worker jar run with {@code worker-1}'s environment, host names replaced by these
 * servers. An event published to Kafka comes back through the API with the API key the
 * compose file documents.
 */
class ComposePathProcessTests {

	private static final ComposeFile COMPOSE = ComposeFile.read();

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static KafkaBrokerProcess kafka;

	private static ComposePostgres postgres;

	private static String database;

	private static MigrateResult migration;

	private static WorkerProcess worker;

	@BeforeAll
	static void startWhatComposeStarts() throws Exception {
		kafka = new KafkaBrokerProcess("compose-kafka").start();
		List<String> topics = new ArrayList<>(KafkaTestBroker.TOPICS);
		KafkaTestBroker.TOPICS.forEach((topic) -> topics.add(topic + ".DLT"));
		kafka.createTopics(topics, Integer.parseInt(COMPOSE.environment("kafka").get("KAFKA_NUM_PARTITIONS")));

		Map<String, String> service = COMPOSE.environment("postgres");
		Mount settings = COMPOSE.mountsUnder("postgres", "/etc/postgresql/").get(0);
		assertThat(COMPOSE.command("postgres")).contains("config_file=" + settings.target());
		postgres = ComposePostgres.start(settings.source(), service.get("POSTGRES_PASSWORD"));
		database = service.get("POSTGRES_DB");
		postgres.createDatabase(database);
		List<Mount> initScripts = COMPOSE.mountsUnder("postgres", "/docker-entrypoint-initdb.d/");
		assertThat(initScripts).isNotEmpty();
		for (Mount script : initScripts) {
			postgres.runInitScript(script.source(), database);
		}

		migration = migrateAsTheMigrateService();

		worker = new WorkerProcess("compose-worker-1", onTheseServers(COMPOSE.environment("worker-1")));
		worker.start().awaitStarted(Duration.ofMinutes(3));
	}

	@AfterAll
	static void stopEverything() throws Exception {
		if (worker != null) {
			worker.close();
		}
		if (postgres != null) {
			postgres.close();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void theMigrateServiceAppliesEveryMigrationAsTheSchemasOwner() throws Exception {
		Path folder = COMPOSE.mountsUnder("migrate", "/flyway/").get(0).source();
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(migration.success).isTrue();
			assertThat(migration.migrationsExecuted)
				.isEqualTo(files.filter((file) -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count());
		}
		assertThat(single("SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public'"))
			.isEqualTo(COMPOSE.flywayArguments().get("user"));
	}

	@Test
	void anEventPublishedToKafkaComesBackThroughTheApiWithTheDocumentedKey() throws Exception {
		String id = "compose-" + UUID.randomUUID();
		publish(Events.instance(id).with("name", "Compose path").version(1));
		String url = worker.url("/api/v1/instances/" + id);
		Awaitility.await()
			.atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(get(url, COMPOSE.documentedApiKey()).statusCode()).isEqualTo(200));
		assertThat(get(url, COMPOSE.documentedApiKey()).body()).contains("\"id\":\"" + id + "\"")
			.contains("\"name\":\"Compose path\"");
		assertThat(get(url, null).statusCode()).as("without the key").isEqualTo(401);
		assertThat(get(url, "not-the-key").statusCode()).as("with another key").isEqualTo(401);
	}

	@Test
	void theWorkerWritesAsTheWorkersUserAndItsApiReadsAsTheReader() throws Exception {
		String id = "compose-users-" + UUID.randomUUID();
		publish(Events.instance(id).version(1));
		Awaitility.await()
			.atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(
					get(worker.url("/api/v1/instances/" + id), COMPOSE.documentedApiKey()).statusCode())
				.isEqualTo(200));
		Map<String, String> environment = COMPOSE.environment("worker-1");
		// pg_stat_statements counts only when compose's settings file preloads it.
		String worker = environment.get("SPRING_DATASOURCE_USERNAME");
		String reader = environment.get("WORKER_API_DATASOURCE_USERNAME");
		assertThat(statementsBy(worker, "INSERT INTO WorkflowInstances")).as("upserts by %s", worker).isPositive();
		assertThat(statementsBy(reader, "FROM WorkflowInstances")).as("reads by %s", reader).isPositive();
		assertThat(statementsBy(reader, "INSERT INTO")).as("writes by %s", reader).isZero();
	}

	private static long statementsBy(String user, String text) throws SQLException {
		return Long.parseLong(single("""
				SELECT count(*) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
				WHERE r.rolname = '%s' AND s.query ILIKE '%%%s%%'
				""".formatted(user, text)));
	}

	private static MigrateResult migrateAsTheMigrateService() {
		Map<String, String> flyway = COMPOSE.flywayArguments();
		Mount migrations = COMPOSE.mountsUnder("migrate", "/flyway/").get(0);
		assertThat(flyway.get("locations")).isEqualTo("filesystem:" + migrations.target());
		return Flyway.configure()
			.dataSource(onTheseServers(flyway.get("url")), flyway.get("user"), flyway.get("password"))
			.locations("filesystem:" + migrations.source())
			.load()
			.migrate();
	}

	private static Map<String, String> onTheseServers(Map<String, String> environment) {
		environment.replaceAll((name, value) -> onTheseServers(value));
		return environment;
	}

	private static String onTheseServers(String value) {
		return value.replace("kafka:9092", kafka.bootstrapServers()).replace("postgres:5432", postgres.address());
	}

	private static void publish(Events event) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer.send(event.record()).get(30, TimeUnit.SECONDS);
		}
	}

	private static HttpResponse<String> get(String url, String apiKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String single(String sql) throws SQLException {
		try (Connection connection = postgres.connectAsSuperuser(database);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}

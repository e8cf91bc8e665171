package io.workflowpersistence.worker.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.workflowpersistence.worker.ingest.IngestProperties;
import io.workflowpersistence.worker.testing.PostgresSettings;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} cannot run here (no Docker engine), so this reads it and
 * checks its wiring against the worker's own configuration: service names, ports,
 * listeners, users and the environment variables the workers bind.
 */
class DockerComposeWiringTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final List<String> WORKERS = List.of("worker-1", "worker-2");

	private static final Map<String, Object> SERVICES = services();

	@Test
	void composeRunsKafkaItsTopicsPostgresMigrationsTwoWorkersTheSimulatorAndPrometheus() {
		assertThat(SERVICES).containsOnlyKeys("kafka", "kafka-topics", "postgres", "migrate", "worker-1", "worker-2",
				"simulator", "prometheus");
	}

	@Test
	void kafkaIsOneKraftNodeOfTheOfficialImageAtTheClientsVersion() {
		Map<String, String> kafka = environment("kafka");
		assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
		assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
		assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
			.isEqualTo(kafka.get("KAFKA_NODE_ID") + "@kafka:" + listenerPort(kafka, "CONTROLLER"));
		assertThat(kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES")).isEqualTo("CONTROLLER");
		assertThat(ports("kafka")).contains(listenerPort(kafka, "HOST") + ":" + listenerPort(kafka, "HOST"));
	}

	@Test
	void workersAndSimulatorReachKafkaAtItsAdvertisedListenerInTheNetwork() {
		Map<String, String> kafka = environment("kafka");
		String advertised = advertisedAddress(kafka, kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME"));
		assertThat(advertised).isEqualTo("kafka:" + listenerPort(kafka, "PLAINTEXT"));
		Stream.concat(WORKERS.stream(), Stream.of("simulator"))
			.forEach((name) -> assertThat(environment(name).get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).as(name)
				.isEqualTo(advertised));
		assertThat(kafka.get("KAFKA_NUM_PARTITIONS")).isEqualTo("3");
	}

	@Test
	void theWorkersTopicsAndTheirDeadLetterTopicsAreCreatedToKeepEveryRecordBeforeAnyoneUsesThem() {
		IngestProperties ingest = Binder.get(applicationEnvironment(environment("worker-1")))
			.bindOrCreate("worker.ingest", IngestProperties.class);
		String script = ((List<?>) service("kafka-topics").get("command")).get(0).toString();
		Matcher topics = Pattern.compile("for topic in ([^;]+);").matcher(script);
		assertThat(topics.find()).as(script).isTrue();
		assertThat(topics.group(1).trim().split(" +")).containsExactlyElementsOf(ingest.topics());
		// $$ is how a compose file writes one $ for the shell.
		assertThat(script).contains("for name in \"$$topic\" \"$$topic" + ingest.deadLetterSuffix() + "\"; do")
			.contains("/opt/kafka/bin/kafka-topics.sh --bootstrap-server "
					+ environment("worker-1").get("SPRING_KAFKA_BOOTSTRAP_SERVERS")
					+ " --create --if-not-exists --topic \"$$name\"")
			.contains("--config retention.ms=-1 --config retention.bytes=-1 --config cleanup.policy=delete")
			.doesNotContain("compact");
		List<?> simulator = (List<?>) service("simulator").get("command");
		assertThat(script).contains("--partitions " + simulator.get(simulator.indexOf("--partitions") + 1) + " ");
		assertThat(service("kafka-topics").get("image")).isEqualTo(service("kafka").get("image"));
		assertThat(dependsOn("kafka-topics")).containsEntry("kafka", "service_healthy");
		Stream.concat(WORKERS.stream(), Stream.of("simulator"))
			.forEach((name) -> assertThat(dependsOn(name)).as(name)
				.containsEntry("kafka-topics", "service_completed_successfully"));
		assertThat(environment("kafka")).containsEntry("KAFKA_LOG_RETENTION_MS", "-1")
			.containsEntry("KAFKA_LOG_RETENTION_BYTES", "-1")
			.containsEntry("KAFKA_LOG_CLEANUP_POLICY", "delete");
	}

	@Test
	void workersAndMigrationsUseThePostgresServiceDatabaseAndUsers() throws IOException {
		Map<String, String> postgres = environment("postgres");
		String database = postgres.get("POSTGRES_DB");
		String initScript = initScript();
		for (String worker : WORKERS) {
			Map<String, String> environment = environment(worker);
			assertThat(environment.get("SPRING_DATASOURCE_URL"))
				.isEqualTo("jdbc:postgresql://postgres:5432/" + database);
			assertThat(initScript).contains("CREATE USER " + environment.get("SPRING_DATASOURCE_USERNAME")
					+ " WITH PASSWORD '" + environment.get("SPRING_DATASOURCE_PASSWORD") + "'");
		}
		Map<String, String> flyway = flywayArguments();
		assertThat(flyway.get("url")).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
		assertThat(initScript)
			.contains("CREATE USER " + flyway.get("user") + " WITH PASSWORD '" + flyway.get("password") + "'")
			.contains("GRANT USAGE, CREATE ON SCHEMA public TO " + flyway.get("user"))
			.contains("GRANT CONNECT ON DATABASE " + database);
		assertThat(dependsOn("migrate")).containsEntry("postgres", "service_healthy");
	}

	@Test
	void migrationsAreTheWorkersOwnAndRunBeforeTheWorkers() {
		Map<String, String> volume = volume("migrate");
		Path migrations = ROOT.resolve(volume.get("source")).normalize();
		assertThat(migrations).isEqualTo(ROOT.resolve("db/src/main/resources/db/migration"));
		assertThat(migrations.resolve("V1__create_tables.sql")).exists();
		assertThat(flywayArguments().get("locations")).isEqualTo("filesystem:" + volume.get("target"));
		for (String worker : WORKERS) {
			assertThat(dependsOn(worker)).containsEntry("migrate", "service_completed_successfully")
				.containsEntry("kafka", "service_healthy");
		}
	}

	@Test
	void workerEnvironmentBindsToTheWorkersSettingsAndStartsNothingEmbedded() {
		List<String> groups = WORKERS.stream().map((worker) -> {
			StandardEnvironment environment = applicationEnvironment(environment(worker));
			Binder binder = Binder.get(environment);
			assertThat(binder.bind("spring.datasource.url", String.class).get())
				.isEqualTo(environment(worker).get("SPRING_DATASOURCE_URL"));
			assertThat(binder.bind("spring.kafka.bootstrap-servers", String.class).get()).isEqualTo("kafka:9092");
			assertThat(binder.bind("spring.flyway.enabled", Boolean.class).get()).isFalse();
			int port = binder.bind("server.port", Integer.class).get();
			assertThat(ports(worker)).singleElement().asString().endsWith(":" + port);
			assertThat(EmbeddedRun.isWanted(environment)).as(worker).isFalse();
			return binder.bind("spring.kafka.consumer.group-id", String.class).get();
		}).toList();
		assertThat(groups).containsOnly("workflow-persistence");
		assertThat(ports("worker-1")).doesNotContainAnyElementsOf(ports("worker-2"));
	}

	@Test
	void postgresRunsTheTunedSettingsAndTheInitScriptThatCreatesTheExtensions() throws IOException {
		List<String> command = ((List<?>) service("postgres").get("command")).stream().map(Object::toString).toList();
		Map<String, String> settings = volume("postgres", "/etc/postgresql/");
		assertThat(command).containsExactly("postgres", "-c", "config_file=" + settings.get("target"));
		assertThat(ROOT.resolve(settings.get("source")).normalize())
			.isEqualTo(ROOT.resolve("docker/postgres/postgresql.conf"));
		Map<String, String> conf = PostgresSettings.read(ROOT.resolve(settings.get("source")));
		assertThat(conf).containsEntry("shared_preload_libraries", "pg_stat_statements")
			.containsEntry("listen_addresses", "*");
		assertThat(initScript()).contains("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
			.contains("CREATE EXTENSION IF NOT EXISTS pg_stat_statements;");
	}

	@Test
	void postgresAcceptsTheConnectionsOfBothWorkersPoolsWithRoomToSpare() throws IOException {
		Map<String, String> conf = PostgresSettings
			.read(ROOT.resolve(volume("postgres", "/etc/postgresql/").get("source")));
		int pools = WORKERS.stream().mapToInt((worker) -> {
			Binder binder = Binder.get(applicationEnvironment(environment(worker)));
			return binder.bind("spring.datasource.hikari.maximum-pool-size", Integer.class).get()
					+ binder.bind("worker.api.datasource.maximum-pool-size", Integer.class).orElse(4);
		}).sum();
		// Besides the pools: a rebuild command, the migration, monitoring, superusers.
		assertThat(Integer.parseInt(conf.get("max_connections"))).isBetween(pools + 16, pools * 3);
	}

	@Test
	void workersKeepAccessControlOnWithTheApiKeyTheHeaderNames() throws Exception {
		String header = Files.readString(ROOT.resolve("docker-compose.yml"));
		Matcher key = Pattern.compile("X-API-Key: ([\\w-]+)").matcher(header);
		assertThat(key.find()).as("the compose file says which key to send").isTrue();
		for (String worker : WORKERS) {
			Map<String, String> environment = environment(worker);
			assertThat(environment).doesNotContainKey("WORKER_SECURITY_ENABLED");
			assertThat(environment.get("WORKER_SECURITY_API_KEYS_0_SHA256")).isEqualTo(sha256(key.group(1)));
			assertThat(environment.get("WORKER_SECURITY_API_KEYS_0_SCOPES").split(",")).contains("workflows.read");
		}
	}

	@Test
	void simulatorIsTheSimulateCommandOfTheWorkerImage() throws IOException {
		assertThat(service("simulator").get("image")).isEqualTo(service("worker-1").get("image"));
		assertThat(service("simulator").get("build")).isEqualTo(".");
		assertThat((List<?>) service("simulator").get("command")).first().isEqualTo("simulate");
		assertThat(dependsOn("simulator")).containsEntry("kafka", "service_healthy");
		String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
		// The production jar, without the embedded servers (ServerJarTests).
		assertThat(dockerfile).contains("COPY --from=build /src/worker/target/worker-server.jar /app/worker.jar")
			.contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/worker.jar\"]");
		assertThat(Files.readString(ROOT.resolve("worker/pom.xml"))).contains("<finalName>worker</finalName>")
			.contains("<classifier>server</classifier>");
	}

	private static String sha256(String key) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
	}

	private static StandardEnvironment applicationEnvironment(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		try {
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("compose", new LinkedHashMap<>(variables)));
		return environment;
	}

	private static String listenerPort(Map<String, String> kafka, String listener) {
		Matcher matcher = Pattern.compile(listener + "://[^:,]*:(\\d+)").matcher(kafka.get("KAFKA_LISTENERS"));
		assertThat(matcher.find()).as("listener %s", listener).isTrue();
		return matcher.group(1);
	}

	private static String advertisedAddress(Map<String, String> kafka, String listener) {
		Matcher matcher = Pattern.compile(listener + "://([^,]+)").matcher(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
		assertThat(matcher.find()).as("advertised listener %s", listener).isTrue();
		return matcher.group(1);
	}

	private static Map<String, String> flywayArguments() {
		Map<String, String> arguments = new HashMap<>();
		for (Object argument : (List<?>) service("migrate").get("command")) {
			Matcher matcher = Pattern.compile("^-(\\w+)=(.*)$").matcher(argument.toString());
			if (matcher.matches()) {
				arguments.put(matcher.group(1), matcher.group(2));
			}
		}
		return arguments;
	}

	private static String initScript() throws IOException {
		return Files.readString(ROOT.resolve(volume("postgres", "/docker-entrypoint-initdb.d/").get("source")));
	}

	private static Map<String, String> volume(String name) {
		return volume(name, "/");
	}

	/**
	 * The one volume of a service mounted under a path.
	 */
	private static Map<String, String> volume(String name, String targetPrefix) {
		List<Map<String, String>> volumes = ((List<?>) service(name).get("volumes")).stream().map((volume) -> {
			String[] parts = volume.toString().split(":");
			return Map.of("source", parts[0], "target", parts[1]);
		}).filter((volume) -> volume.get("target").startsWith(targetPrefix)).toList();
		assertThat(volumes).as("volumes of %s under %s", name, targetPrefix).hasSize(1);
		return volumes.get(0);
	}

	private static Map<String, String> dependsOn(String name) {
		Map<String, String> conditions = new HashMap<>();
		map(service(name).get("depends_on"))
			.forEach((service, condition) -> conditions.put(service, map(condition).get("condition").toString()));
		return conditions;
	}

	private static List<String> ports(String name) {
		return ((List<?>) service(name).get("ports")).stream().map(Object::toString).toList();
	}

	private static Map<String, String> environment(String name) {
		Map<String, String> environment = new HashMap<>();
		map(service(name).get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	private static Map<String, Object> service(String name) {
		assertThat(SERVICES).containsKey(name);
		return map(SERVICES.get(name));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> services() {
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			return map(compose.get("services"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read docker-compose.yml in " + ROOT, ex);
		}
	}

}

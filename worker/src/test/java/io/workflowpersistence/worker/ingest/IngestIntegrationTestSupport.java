package io.workflowpersistence.worker.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.worker.testing.DatabaseUsers;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.UnsecuredWorkerTestSupport;
import io.workflowpersistence.worker.testing.WorkerConnections;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker consuming from a real Kafka broker into a real PostgreSQL database, shared
 * by the ingest integration tests. Tests use ids of their own ({@link #unique}), so they
 * never see each other's rows. The worker connects as the users of {@code db/README.md}:
 * it writes as the DML-only user, reads for the API as the read-only one.
 */
abstract class IngestIntegrationTestSupport extends UnsecuredWorkerTestSupport {

	static final DatabaseUsers USERS = DatabaseUsers.create("ingest");

	static final DatabaseInfo DATABASE = USERS.worker();

	static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void connections(DynamicPropertyRegistry registry) {
		WorkerConnections.users(registry, USERS);
		registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
		registry.add("spring.kafka.consumer.max-poll-records", () -> "500");
		registry.add("worker.ingest.retry.max-interval", () -> "2s");
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static void publish(Events... events) {
		KAFKA.send(Arrays.stream(events).map(Events::record).toList());
	}

	static void publish(List<ProducerRecord<byte[], byte[]>> records) {
		KAFKA.send(records);
	}

	static ConditionFactory eventually() {
		return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
	}

	long count(String sql, Object... parameters) {
		return this.jdbc.sql(sql).params(parameters).query(Long.class).single();
	}

	/**
	 * Answers a GET of one of the worker's actuator endpoints.
	 */
	HttpResponse<String> actuator(String endpoint) throws IOException, InterruptedException {
		return HTTP.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/" + endpoint)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Starts or ends an outage of the worker's database: refusing connections also ends
	 * every open one.
	 */
	static void setConnectionsAllowed(boolean allowed) throws SQLException {
		TestDatabase server = TestDatabase.server();
		try (Connection admin = DriverManager.getConnection(server.adminJdbcUrl(), server.username(),
				server.password()); Statement statement = admin.createStatement()) {
			statement.execute("ALTER DATABASE " + DATABASE.name() + " ALLOW_CONNECTIONS " + allowed);
			if (!allowed) {
				statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
						+ DATABASE.name() + "' AND pid <> pg_backend_pid()");
			}
		}
	}

	/**
	 * Waits until the instance exists: a marker sent after other records on the same
	 * topic and key, so that those records are applied when it is.
	 */
	void awaitInstance(String id) {
		eventually().until(() -> count("SELECT count(*) FROM WorkflowInstances WHERE Id = ?", id) == 1);
	}

}

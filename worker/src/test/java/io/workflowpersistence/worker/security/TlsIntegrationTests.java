package io.workflowpersistence.worker.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.workflowpersistence.worker.api.datasource.ApiDataSource;
import io.workflowpersistence.worker.testing.DatabaseUsers;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.HttpAnswer;
import io.workflowpersistence.worker.testing.TestCertificate;
import io.workflowpersistence.worker.testing.TlsKafkaBroker;
import io.workflowpersistence.worker.testing.TlsPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The worker over TLS only: it consumes from a Kafka broker whose only listener is TLS
 * ({@code spring.kafka.security.protocol=SSL}, trusting the broker's certificate) and
 * writes to a PostgreSQL cluster with {@code ssl=on} that refuses plaintext, through
 * {@code sslmode=verify-full} in its JDBC URL; {@code pg_stat_ssl} shows every connection
 * of both its pools encrypted. The schema is migrated on start-up by its owner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "worker.security.enabled=false", "worker.ingest.topics=workflow.instances" })
@DirtiesContext
class TlsIntegrationTests {

	private static final TestCertificate CERTIFICATE = TestCertificate.create();

	private static final TlsPostgres POSTGRES = TlsPostgres.start(CERTIFICATE);

	private static final TlsKafkaBroker KAFKA = TlsKafkaBroker.start(CERTIFICATE,
			List.of("workflow.instances", "workflow.instances.DLT"));

	private static final DatabaseUsers USERS = DatabaseUsers.install(POSTGRES.createDatabase("tls_worker"), false);

	@Autowired
	DataSource ingestDataSource;

	@Autowired
	@ApiDataSource
	DataSource apiDataSource;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void overTls(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", USERS.worker()::jdbcUrl);
		registry.add("spring.datasource.username", USERS.worker()::username);
		registry.add("spring.datasource.password", USERS.worker()::password);
		registry.add("spring.flyway.user", USERS.owner()::username);
		registry.add("spring.flyway.password", USERS.owner()::password);
		registry.add("worker.api.datasource.username", USERS.reader()::username);
		registry.add("worker.api.datasource.password", USERS.reader()::password);
		registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
		registry.add("spring.kafka.security.protocol", () -> "SSL");
		registry.add("spring.kafka.ssl.trust-store-location", () -> CERTIFICATE.trustStore().toUri().toString());
		registry.add("spring.kafka.ssl.trust-store-password", CERTIFICATE::password);
		registry.add("spring.kafka.ssl.trust-store-type", () -> "PKCS12");
	}

	@Test
	void theWorkerConsumesOverTlsAndBothItsPoolsConnectOverTls() throws SQLException {
		KAFKA.send(List.of(Events.instance("tls-1").version(1).record(), Events.instance("tls-2").version(1).record()));
		JdbcTemplate admin = new JdbcTemplate(USERS.admin().dataSource());
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> admin.queryForObject("SELECT count(*) FROM WorkflowInstances WHERE Id LIKE 'tls-%'",
					Long.class) == 2);
		HttpAnswer answer = HttpAnswer
			.send(HttpAnswer.get("http://localhost:" + this.port + "/api/v1/instances/tls-1"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);

		assertThat(ownConnectionIsEncrypted(this.ingestDataSource)).isTrue();
		assertThat(ownConnectionIsEncrypted(this.apiDataSource)).isTrue();
		List<Map<String, Object>> connections = admin.queryForList("""
				SELECT a.usename, s.ssl, s.version FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
				WHERE a.datname = current_database() AND a.backend_type = 'client backend'""");
		assertThat(connections).extracting((row) -> row.get("usename"))
			.contains(USERS.worker().username(), USERS.reader().username());
		assertThat(connections).allSatisfy((row) -> {
			assertThat(row.get("ssl")).as("ssl of %s", row).isEqualTo(true);
			assertThat((String) row.get("version")).startsWith("TLSv1.");
		});
		assertThat(admin.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'workflowinstances'",
				String.class))
			.isEqualTo(USERS.owner().username());
	}

	@Test
	void theDatabaseRefusesConnectionsWithoutTls() {
		org.junit.jupiter.api.Assumptions.assumeTrue(POSTGRES.refusesPlaintext(),
				"the embedded PostgreSQL offers TLS without requiring it");
		String plaintext = USERS.worker().jdbcUrl().replace("sslmode=verify-full", "sslmode=disable");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(
					() -> DriverManager.getConnection(plaintext, USERS.worker().username(), USERS.worker().password()))
			.withMessageContaining("no encryption");
	}

	private static boolean ownConnectionIsEncrypted(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
			assertThat(row.next()).isTrue();
			return row.getBoolean(1);
		}
	}

}

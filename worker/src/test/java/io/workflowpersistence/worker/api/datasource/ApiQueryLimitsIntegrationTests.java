package io.workflowpersistence.worker.api.datasource;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.workflowpersistence.worker.testing.HttpAnswer;
import io.workflowpersistence.worker.testing.RepeatedRequests;
import io.workflowpersistence.worker.testing.SecuredWorkerTestSupport;
import io.workflowpersistence.worker.testing.SlowQueryHook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The API's own pool: read-only as the read-only user, a statement timeout answered 503,
 * a bound on concurrent requests, and ingestion unhindered by slow API queries.
 */
class ApiQueryLimitsIntegrationTests extends SecuredWorkerTestSupport {

	private static final String READ_ONLY_TRANSACTION = "25006";

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	@Autowired
	@ApiDataSource
	DataSource apiDataSource;

	@Test
	void theApiUserCannotWrite() throws SQLException {
		try (Connection connection = this.apiDataSource.getConnection();
				Statement statement = connection.createStatement()) {
			assertThat(connection.getMetaData().getUserName()).isEqualTo(USERS.reader().username());
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeUpdate("DELETE FROM WorkflowInstances"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(READ_ONLY_TRANSACTION));
		}
		// Without the pool's read-only session, the user itself has no right to write.
		try (Connection connection = DriverManager.getConnection(USERS.reader().jdbcUrl(), USERS.reader().username(),
				USERS.reader().password()); Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeUpdate(
						"INSERT INTO WorkflowInstances (Id, DefinitionId, Status) VALUES ('x', 'd', 'Running')"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeUpdate("DELETE FROM ConsumerOffsets"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
		}
	}

	@Test
	void everyApiQueryIsPlannedForItsOwnParameters() throws SQLException {
		try (Connection connection = this.apiDataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet setting = statement.executeQuery("SHOW plan_cache_mode")) {
			assertThat(setting.next()).isTrue();
			assertThat(setting.getString(1)).isEqualTo("force_custom_plan");
		}
	}

	@Test
	void aSlowQueryIsA503ProblemAtTheStatementTimeout() {
		long started = System.nanoTime();
		HttpAnswer answer = get("/api/v1/test/sleep?seconds=5", "X-API-Key", READER_KEY);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		JsonNode problem = answer.problem(503);
		assertThat(problem.get("detail").asString()).contains("ran longer");
		assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofMillis(3000));
		assertThat(get("/api/v1/test/sleep?seconds=0.05", "X-API-Key", READER_KEY).status()).isEqualTo(200);
	}

	@Test
	void requestsBeyondTheConcurrencyLimitAre503WithRetryAfter() {
		List<CompletableFuture<HttpResponse<String>>> holding = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			holding.add(sendAsync("/api/v1/test/hold?millis=3000"));
		}
		eventually().until(() -> SlowQueryHook.HOLDING.get() == 3);
		HttpAnswer refused = get("/api/v1/instances", "X-API-Key", READER_KEY);
		assertThat(refused.problem(503).get("detail").asString()).contains("Too many");
		assertThat(refused.headers().firstValue("Retry-After")).contains("1");
		assertThat(holding).allSatisfy((request) -> assertThat(request.join().statusCode()).isEqualTo(200));
		assertThat(get("/api/v1/instances", "X-API-Key", READER_KEY).status()).isEqualTo(200);
	}

	@Test
	void ingestionKeepsItsRateWhileSlowApiQueriesFillTheApiPool() {
		double alone = ingestRate(unique("alone"));
		RepeatedRequests analysts = RepeatedRequests.start(6,
				() -> get("/api/v1/test/sleep?seconds=5", "X-API-Key", READER_KEY).status());
		try {
			eventually().until(() -> runningSleeps() == 3);
			double underLoad = ingestRate(unique("loaded"));
			System.out.printf("Ingest rate alone %.0f events/s, with the API pool full of slow queries %.0f events/s%n",
					alone, underLoad);
			assertThat(underLoad).isGreaterThan(alone / 3);
		}
		finally {
			analysts.close();
		}
		assertThat(analysts.statuses()).isNotEmpty().containsOnly(503);
	}

	private int runningSleeps() {
		return this.admin.queryForObject("""
				SELECT count(*) FROM pg_stat_activity
				WHERE usename = ? AND state = 'active' AND query LIKE 'SELECT pg_sleep%'""", Integer.class,
				USERS.reader().username());
	}

	private CompletableFuture<HttpResponse<String>> sendAsync(String path) {
		return HttpClient.newHttpClient()
			.sendAsync(HttpAnswer.get(url(path), "X-API-Key", READER_KEY), HttpResponse.BodyHandlers.ofString());
	}

}

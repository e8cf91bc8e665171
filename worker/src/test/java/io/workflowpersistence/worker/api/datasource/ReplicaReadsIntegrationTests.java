package io.workflowpersistence.worker.api.datasource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.workflowpersistence.worker.testing.DatabaseUsers;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.HttpAnswer;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.SlowQueryHook;
import io.workflowpersistence.worker.testing.StreamingReplica;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The worker writes to a primary while its read API reads from a hot standby streaming
 * from it (both started from the PostgreSQL package's binaries, the standby cloned with
 * {@code pg_basebackup -R}): events published to a real broker show through the API with
 * the {@code Data-Lag-Seconds} header, a paused replay shows as lag and as rows not yet
 * visible, and queries cancelled by real recovery conflicts (the primary vacuums away
 * rows a standby query could still need) are retried once, then answered 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "worker.security.enabled=false")
@Import(SlowQueryHook.class)
@DirtiesContext
@EnabledIf("io.workflowpersistence.worker.testing.StreamingReplica#available")
class ReplicaReadsIntegrationTests {

	private static final String DATABASE = "replica_reads";

	private static final String READ_ONLY_TRANSACTION = "25006";

	private static final StreamingReplica REPLICA = StreamingReplica.start();

	private static final DatabaseUsers USERS = DatabaseUsers.install(REPLICA.createDatabase(DATABASE), false);

	private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	private static final String TOPIC = "replica-" + UUID.randomUUID().toString().substring(0, 8)
			+ ".workflow.instances";

	private final JdbcTemplate primary = new JdbcTemplate(USERS.admin().dataSource());

	private final JdbcTemplate standby = new JdbcTemplate(REPLICA.standby(DATABASE).dataSource());

	@Autowired
	DataSource ingestDataSource;

	@Autowired
	@ApiDataSource
	DataSource apiDataSource;

	@Autowired
	ReplicaLag lag;

	@Autowired
	MeterRegistry registry;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void primaryAndStandby(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", USERS.worker()::jdbcUrl);
		registry.add("spring.datasource.username", USERS.worker()::username);
		registry.add("spring.datasource.password", USERS.worker()::password);
		registry.add("spring.flyway.user", USERS.owner()::username);
		registry.add("spring.flyway.password", USERS.owner()::password);
		registry.add("worker.api.datasource.url", () -> REPLICA.standbyUrl(DATABASE));
		registry.add("worker.api.datasource.username", USERS.reader()::username);
		registry.add("worker.api.datasource.password", USERS.reader()::password);
		registry.add("worker.api.datasource.lag-sample-interval", () -> "200ms");
		registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
		registry.add("spring.kafka.consumer.group-id", () -> TOPIC + ".worker");
		registry.add("worker.ingest.topics", () -> TOPIC);
	}

	@Test
	void theApiReadsFromTheStandbyWhatTheWorkerWroteToThePrimary() {
		String id = unique("replicated");
		publish(Events.instance(id).with("correlationId", id).with("status", "Faulted").version(1));
		HttpAnswer single = eventually().until(() -> get("/api/v1/instances/" + id),
				(answer) -> answer.status() == 200);
		assertThat(single.json().get("status").asString()).isEqualTo("Faulted");
		assertThat(lagHeader(single)).isBetween(0.0, 5.0);
		HttpAnswer list = get("/api/v1/instances?count=true&correlationId=" + id);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.json().get("totalCount").asLong()).isEqualTo(1);
		assertThat(list.json().at("/items/0/id").asString()).isEqualTo(id);
		assertThat(lagHeader(list)).isBetween(0.0, 5.0);
		JsonNode documented = get("/v3/api-docs").json().at("/paths/~1api~1v1~1instances/get/responses/200/headers");
		assertThat(documented.has("Data-Lag-Seconds")).as(documented.toString()).isTrue();
	}

	@Test
	void aBurstOfEventsReachesTheApiThroughTheStandby() {
		String run = unique("burst");
		int count = 5000;
		Events[] events = new Events[count];
		for (int i = 0; i < count; i++) {
			events[i] = Events.instance(run + "-" + i).with("correlationId", run).version(1);
		}
		long started = System.nanoTime();
		publish(events);
		double[] maxLag = { 0 };
		eventually().until(() -> {
			HttpAnswer page = get("/api/v1/instances?limit=1&count=true&correlationId=" + run);
			maxLag[0] = Math.max(maxLag[0], lagHeader(page));
			return page.json().get("totalCount").asLong() == count;
		});
		System.out.printf("%d events visible through the standby after %d ms, the largest Data-Lag-Seconds seen %.3f%n",
				count, Duration.ofNanos(System.nanoTime() - started).toMillis(), maxLag[0]);
		assertThat(this.primary.queryForObject("SELECT count(*) FROM WorkflowInstances WHERE CorrelationId = ?",
				Long.class, run))
			.isEqualTo(count);
	}

	@Test
	void theApiPoolKeepsItsSessionSettingsOnTheStandby() throws SQLException {
		try (Connection connection = this.apiDataSource.getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet row = statement.executeQuery("""
					SELECT pg_is_in_recovery(), current_user, current_setting('plan_cache_mode'),
						current_setting('statement_timeout'), current_setting('default_transaction_read_only')""")) {
				assertThat(row.next()).isTrue();
				assertThat(row.getBoolean(1)).as("the API reads from a standby").isTrue();
				assertThat(row.getString(2)).isEqualTo(USERS.reader().username());
				assertThat(row.getString(3)).isEqualTo("force_custom_plan");
				assertThat(row.getString(4)).isEqualTo("10s");
				assertThat(row.getString(5)).isEqualTo("on");
			}
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeUpdate("DELETE FROM WorkflowInstances"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(READ_ONLY_TRANSACTION));
		}
		try (Connection connection = this.ingestDataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery()")) {
			assertThat(row.next()).isTrue();
			assertThat(row.getBoolean(1)).as("ingestion writes to the primary").isFalse();
		}
	}

	@Test
	void theLagIsAMetricAndAHealthDetail() {
		eventually().untilAsserted(
				() -> assertThat(get("/actuator/prometheus").body()).contains("workflow_api_replica_standby 1.0")
					.containsPattern("(?m)^workflow_api_replica_lag_seconds [0-9.]+$"));
		JsonNode health = get("/actuator/health").json().at("/components/apiDatabase");
		assertThat(health.get("status").asString()).as(health.toString()).isEqualTo("UP");
		assertThat(health.at("/details/role").asString()).isEqualTo("standby");
		assertThat(health.at("/details/lagSeconds").isNumber()).as(health.toString()).isTrue();
	}

	@Test
	void anIdlePrimaryDoesNotMakeACurrentStandbyLag() {
		// The commonly used now() - pg_last_xact_replay_timestamp() grows here.
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.standby.queryForObject(
					"SELECT COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) > 3",
					Boolean.class));
		assertThat(this.lag.current()).hasValueSatisfying((lag) -> assertThat(lag).isLessThan(Duration.ofSeconds(1)));
	}

	@Test
	void whileReplayIsPausedTheApiReportsTheLagAndDoesNotShowNewWritesYet() {
		String before = unique("before-pause");
		publish(Events.instance(before).version(1));
		eventually().until(() -> get("/api/v1/instances/" + before).status() == 200);
		String during = unique("during-pause");
		this.standby.queryForList("SELECT pg_wal_replay_pause()");
		try {
			publish(Events.instance(during).version(1));
			eventually().until(() -> this.primary.queryForObject("SELECT count(*) FROM WorkflowInstances WHERE Id = ?",
					Long.class, during) == 1);
			HttpAnswer lagging = eventually().until(() -> get("/api/v1/instances/" + before),
					(answer) -> lagHeader(answer) >= 1.5);
			assertThat(lagging.status()).isEqualTo(200);
			assertThat(get("/api/v1/instances/" + during).status()).as("not replayed yet").isEqualTo(404);
			assertThat(this.registry.get("workflow.api.replica.lag").gauge().value()).isGreaterThanOrEqualTo(1.5);
		}
		finally {
			this.standby.queryForList("SELECT pg_wal_replay_resume()");
		}
		eventually().until(() -> get("/api/v1/instances/" + during).status() == 200);
		eventually().until(() -> lagHeader(get("/api/v1/instances/" + during)) < 1.0);
	}

	@Test
	void aQueryCancelledByARecoveryConflictIsRetriedOnce() throws Exception {
		double retried = conflicts("retried");
		double failed = conflicts("failed");
		long cancelledOnStandby = cancelledSleepsOnStandby();
		CompletableFuture<HttpAnswer> answer = CompletableFuture.supplyAsync(() -> get("/api/v1/test/sleep?seconds=2"));
		eventually().until(() -> sleepingOnStandby() == 1);
		removeRowsOnPrimary();
		HttpAnswer result = answer.get(60, TimeUnit.SECONDS);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(conflicts("retried") - retried).isEqualTo(1);
		assertThat(conflicts("failed") - failed).isZero();
		eventually().until(() -> cancelledSleepsOnStandby() - cancelledOnStandby == 1);
	}

	@Test
	void aQueryCancelledAgainAfterItsRetryIsA503Problem() throws Exception {
		double retried = conflicts("retried");
		double failed = conflicts("failed");
		long cancelledOnStandby = cancelledSleepsOnStandby();
		long started = System.nanoTime();
		CompletableFuture<HttpAnswer> answer = CompletableFuture.supplyAsync(() -> get("/api/v1/test/sleep?seconds=5"));
		CompletableFuture<Void> vacuuming = CompletableFuture.runAsync(() -> {
			while (!answer.isDone()) {
				try {
					if (sleepingOnStandby() > 0) {
						removeRowsOnPrimary();
					}
				}
				catch (DataAccessException ex) {
					// This test's own look at the standby may be cancelled by a conflict
					// too.
				}
				pause(Duration.ofMillis(100));
			}
		});
		HttpAnswer result = answer.get(60, TimeUnit.SECONDS);
		System.out.printf("A read cancelled twice by recovery conflicts was answered %d after %d ms%n", result.status(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		vacuuming.get(30, TimeUnit.SECONDS);
		JsonNode problem = result.problem(503);
		assertThat(problem.get("detail").asString()).contains("replica cancelled the query twice");
		assertThat(result.headers().firstValue("Retry-After")).contains("1");
		assertThat(result.headers().firstValue("Data-Lag-Seconds")).isPresent();
		assertThat(conflicts("retried") - retried).isEqualTo(1);
		assertThat(conflicts("failed") - failed).isEqualTo(1);
		eventually().until(() -> cancelledSleepsOnStandby() - cancelledOnStandby == 2);
	}

	// VACUUM on the primary removes rows deleted after a standby query took its snapshot:
	// replaying that removal cancels the query (max_standby_streaming_delay=0).
	private void removeRowsOnPrimary() {
		this.primary.execute("CREATE TABLE IF NOT EXISTS conflict_bait (id int)");
		this.primary.update("INSERT INTO conflict_bait SELECT generate_series(1, 100)");
		this.primary.update("DELETE FROM conflict_bait");
		this.primary.execute("VACUUM conflict_bait");
	}

	private int sleepingOnStandby() {
		return this.standby.queryForObject("""
				SELECT count(*) FROM pg_stat_activity
				WHERE usename = ? AND state = 'active' AND query LIKE 'SELECT pg_sleep%'""", Integer.class,
				USERS.reader().username());
	}

	// The standby logs each statement it cancels, right away (its statistics of
	// conflicts reach pg_stat_database_conflicts only seconds later).
	private static long cancelledSleepsOnStandby() {
		List<String> lines = REPLICA.standbyLog().lines().toList();
		return IntStream.range(0, lines.size())
			.filter((i) -> lines.get(i).contains("ERROR:  canceling statement due to conflict with recovery"))
			.filter((i) -> lines.subList(i + 1, Math.min(lines.size(), i + 4))
				.stream()
				.anyMatch((line) -> line.contains("STATEMENT:  SELECT pg_sleep")))
			.count();
	}

	private double conflicts(String outcome) {
		return this.registry.get("workflow.api.recovery.conflicts").tag("outcome", outcome).counter().count();
	}

	private static double lagHeader(HttpAnswer answer) {
		String header = answer.headers()
			.firstValue("Data-Lag-Seconds")
			.orElseThrow(() -> new AssertionError("no Data-Lag-Seconds header"));
		assertThat(header).matches("\\d+\\.\\d{3}");
		return Double.parseDouble(header);
	}

	private HttpAnswer get(String path) {
		return HttpAnswer.send(HttpAnswer.get("http://localhost:" + this.port + path));
	}

	private static void publish(Events... events) {
		KAFKA.send(Arrays.stream(events).map((event) -> event.record(TOPIC)).toList());
	}

	private static ConditionFactory eventually() {
		return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

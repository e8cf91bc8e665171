package io.workflowpersistence.worker.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker as production runs it, shared by the security tests (one Spring context):
 * API access control on, with JWTs signed by {@link #TOKENS} and three API keys; the
 * sensitive paths {@code $.variables.creditCard} and {@code $.variables.iban} encrypted
 * with the key {@code k2}, {@code k1} kept for what it encrypted before; ingestion as the
 * DML-only user of {@code db/README.md}, the API as its read-only user with a 500 ms
 * statement timeout and three concurrent requests. It consumes topics of its own from the
 * shared broker. A test-only endpoint, {@code /api/v1/test/sleep}, runs {@code pg_sleep}
 * through the API's queries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SlowQueryHook.class)
public abstract class SecuredWorkerTestSupport {

	protected static final TestTokens TOKENS = TestTokens.create();

	protected static final String READER_KEY = randomSecret();

	protected static final String SENSITIVE_READER_KEY = randomSecret();

	protected static final String METRICS_KEY = randomSecret();

	/** The key values encrypted before the rotation; still in the ring. */
	protected static final byte[] OLD_KEY = randomKey();

	/** The active key. */
	protected static final byte[] ACTIVE_KEY = randomKey();

	protected static final DatabaseUsers USERS = DatabaseUsers.create("secured");

	protected static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	protected static final String TOPIC_PREFIX = "secured-" + UUID.randomUUID().toString().substring(0, 8) + ".";

	protected static final String INSTANCES_TOPIC = TOPIC_PREFIX + "workflow.instances";

	@LocalServerPort
	protected int port;

	/** The database as its superuser, to see what the tables and the server hold. */
	protected final JdbcTemplate admin = new JdbcTemplate(USERS.admin().dataSource());

	@DynamicPropertySource
	static void securedWorker(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", USERS.worker()::jdbcUrl);
		registry.add("spring.datasource.username", USERS.worker()::username);
		registry.add("spring.datasource.password", USERS.worker()::password);
		registry.add("spring.flyway.user", USERS.owner()::username);
		registry.add("spring.flyway.password", USERS.owner()::password);
		registry.add("worker.api.datasource.username", USERS.reader()::username);
		registry.add("worker.api.datasource.password", USERS.reader()::password);
		registry.add("worker.api.datasource.maximum-pool-size", () -> "3");
		registry.add("worker.api.query-timeout", () -> "500ms");
		registry.add("worker.api.limits.max-wait", () -> "100ms");
		registry.add("worker.api.limits.max-request-size", () -> "4KB");
		registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
		registry.add("spring.kafka.consumer.group-id", () -> TOPIC_PREFIX + "worker");
		registry.add("worker.ingest.topics", () -> INSTANCES_TOPIC);
		registry.add("worker.security.enabled", () -> "true");
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
		apiKey(registry, 0, "reporting", READER_KEY, "workflows.read");
		apiKey(registry, 1, "auditor", SENSITIVE_READER_KEY, "workflows.read,workflows.read.sensitive");
		apiKey(registry, 2, "prometheus", METRICS_KEY, "workflows.metrics");
		registry.add("worker.protection.sensitive-paths", () -> "$.variables.creditCard,$.variables.iban");
		registry.add("worker.protection.keys.k1", () -> Base64.getEncoder().encodeToString(OLD_KEY));
		registry.add("worker.protection.keys.k2", () -> Base64.getEncoder().encodeToString(ACTIVE_KEY));
		registry.add("worker.protection.active-key", () -> "k2");
	}

	private static void apiKey(DynamicPropertyRegistry registry, int index, String name, String key, String scopes) {
		String prefix = "worker.security.api-keys[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "sha256", () -> sha256(key));
		registry.add(prefix + "scopes", () -> scopes);
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	protected HttpAnswer get(String path, String... headers) {
		return HttpAnswer.send(HttpAnswer.get(url(path), headers));
	}

	protected static String bearer(String token) {
		return "Bearer " + token;
	}

	protected static void publish(Events... events) {
		KAFKA.send(Arrays.stream(events).map((event) -> event.record(INSTANCES_TOPIC)).toList());
	}

	protected static ConditionFactory eventually() {
		return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50));
	}

	protected void awaitInstance(String id) {
		eventually().until(() -> this.admin.queryForObject("SELECT count(*) FROM WorkflowInstances WHERE Id = ?",
				Long.class, id) == 1);
	}

	/**
	 * Publishes 2,000 new instances and measures how many the worker applies per second.
	 */
	protected double ingestRate(String run) {
		int count = 2000;
		Events[] events = new Events[count];
		for (int i = 0; i < count; i++) {
			events[i] = Events.instance(run + "-" + i).version(1);
		}
		long started = System.nanoTime();
		publish(events);
		eventually().until(() -> this.admin.queryForObject("SELECT count(*) FROM WorkflowInstances WHERE Id LIKE ?",
				Long.class, run + "-%") == count);
		return count / (Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
	}

	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomSecret() {
		return "key-" + HexFormat.of().formatHex(randomKey());
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}

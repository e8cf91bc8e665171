package io.workflowpersistence.worker.topics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker on a real broker whose topics it consumes were created with finite retention
 * ({@code retention.ms=3600000}), with compaction, and with unlimited retention: the
 * first two are warned about at start, listed in the health component
 * {@code topicRetention} and counted 1 by the gauge; the third is not warned about and
 * counts 0. A topic whose retention ops make unlimited is seen so at the next check.
 */
@ExtendWith(OutputCaptureExtension.class)
// First the test that reads the warnings logged at start: each test's output is its own.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "worker.security.enabled=false", "worker.topics.check-interval=1s" })
class TopicRetentionIntegrationTests {

	private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	private static final String RUN = "retention" + UUID.randomUUID().toString().substring(0, 6);

	private static final String LIMITED = RUN + ".limited";

	private static final String COMPACTED = RUN + ".compacted";

	private static final String UNLIMITED = RUN + ".unlimited";

	private static final String CHANGED = RUN + ".changed";

	private static final DatabaseInfo DATABASE = TestDatabase.server().createDatabase("topics");

	@Autowired
	Environment environment;

	@DynamicPropertySource
	static void connections(DynamicPropertyRegistry registry) throws Exception {
		try (Admin admin = admin()) {
			admin
				.createTopics(List.of(new NewTopic(LIMITED, 1, (short) 1).configs(Map.of("retention.ms", "3600000")),
						new NewTopic(COMPACTED, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
						new NewTopic(UNLIMITED, 1, (short) 1)
							.configs(Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete")),
						new NewTopic(CHANGED, 1, (short) 1).configs(Map.of("retention.bytes", "1073741824"))))
				.all()
				.get();
		}
		registry.add("spring.datasource.url", DATABASE::jdbcUrl);
		registry.add("spring.datasource.username", DATABASE::username);
		registry.add("spring.datasource.password", DATABASE::password);
		registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
		registry.add("worker.ingest.topics", () -> String.join(",", LIMITED, COMPACTED, UNLIMITED, CHANGED));
	}

	@Test
	@Order(1)
	void topicsThatCanLoseRecordsAreWarnedAboutShownInHealthAndCountedByTheGauge(CapturedOutput output)
			throws Exception {
		eventually().untilAsserted(() -> assertThat(prometheus())
			.contains("workflow_topic_retention_limited{topic=\"" + LIMITED + "\"} 1.0")
			.contains("workflow_topic_retention_limited{topic=\"" + COMPACTED + "\"} 1.0")
			.contains("workflow_topic_retention_limited{topic=\"" + UNLIMITED + "\"} 0.0"));

		JsonNode component = JsonMapper.shared()
			.readTree(get("/actuator/health"))
			.path("components")
			.path("topicRetention");
		assertThat(component.path("status").asString()).isEqualTo("UP");
		JsonNode details = component.path("details");
		assertThat(details.path("canLoseRecords").toString()).contains(LIMITED, COMPACTED).doesNotContain(UNLIMITED);
		assertThat(details.path("topics").path(LIMITED).path("retentionMs").asLong()).isEqualTo(3_600_000);
		assertThat(details.path("topics").path(LIMITED).path("keepsEveryRecord").asBoolean()).isFalse();
		assertThat(details.path("topics").path(UNLIMITED).path("retentionMs").asLong()).isEqualTo(-1);
		assertThat(details.path("topics").path(UNLIMITED).path("keepsEveryRecord").asBoolean()).isTrue();
		assertThat(details.path("topics").path(COMPACTED).path("cleanupPolicy").asString()).isEqualTo("compact");
		assertThat(details.path("warning").asString()).contains(LIMITED);

		assertThat(output.getAll())
			.contains("Topic " + LIMITED + " can lose records: retention.ms=3600000 removes records older than 1h")
			.contains("Topic " + COMPACTED + " can lose records: ")
			.contains("cleanup.policy=compact keeps only the newest record of each key")
			.contains("Topic " + CHANGED + " can lose records: ")
			.contains("retention.bytes=1073741824 removes the oldest records of a larger partition")
			.doesNotContain("Topic " + UNLIMITED + " can lose records");
	}

	@Test
	@Order(2)
	void aTopicWhoseRetentionBecomesUnlimitedIsSeenSoAtTheNextCheck(CapturedOutput output) throws Exception {
		eventually().untilAsserted(() -> assertThat(prometheus())
			.contains("workflow_topic_retention_limited{topic=\"" + CHANGED + "\"} 1.0"));
		try (Admin admin = admin()) {
			admin
				.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, CHANGED),
						List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET),
								new AlterConfigOp(new ConfigEntry("retention.bytes", "-1"), AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}

		eventually().untilAsserted(() -> assertThat(prometheus())
			.contains("workflow_topic_retention_limited{topic=\"" + CHANGED + "\"} 0.0")
			.contains("workflow_topic_retention_limited{topic=\"" + LIMITED + "\"} 1.0"));
		eventually()
			.untilAsserted(() -> assertThat(output.getAll()).contains("Topic " + CHANGED + " keeps every record now"));
		assertThat(output.getAll()).as("a warning once, not at every check")
			.doesNotContain("Topic " + LIMITED + " can lose records");
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
	}

	private static ConditionFactory eventually() {
		return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200));
	}

	private String prometheus() throws Exception {
		return get("/actuator/prometheus");
	}

	private String get(String path) throws Exception {
		String port = this.environment.getProperty("local.server.port");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}

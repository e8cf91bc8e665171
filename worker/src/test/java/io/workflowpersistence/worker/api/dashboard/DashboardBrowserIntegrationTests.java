package io.workflowpersistence.worker.api.dashboard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.simulator.SimulatorTopics;
import io.workflowpersistence.worker.testing.Browser;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.UnsecuredWorkerTestSupport;
import io.workflowpersistence.worker.testing.WorkerConnections;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (headless Chromium driven by Selenium) against the
 * worker consuming a simulated engine's events from a real Kafka broker into a real
 * PostgreSQL. Runs wherever Chromium is installed and always in CI; leaves a screenshot
 * in {@code target/screenshots/dashboard.png}.
 */
class DashboardBrowserIntegrationTests extends UnsecuredWorkerTestSupport {

	private static final DatabaseInfo DATABASE = TestDatabase.server().migratedDatabase("dashboard");

	private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	// Topics of its own, so that no other test's events reach this worker or the other
	// way.
	private static final String TOPIC_PREFIX = "dashboard-" + UUID.randomUUID().toString().substring(0, 8) + ".";

	@DynamicPropertySource
	static void connections(DynamicPropertyRegistry registry) {
		WorkerConnections.database(registry, DATABASE);
		WorkerConnections.topics(registry, KAFKA, TOPIC_PREFIX + "worker",
				String.join(",", SimulatorTopics.ALL.stream().map((topic) -> TOPIC_PREFIX + topic).toList()));
	}

	@Test
	void dashboardShowsCountsRateDeadLettersAndLagAndFollowsThemLive() throws Exception {
		// Cut from an endless run, so that many instances are still running at the end.
		List<ProducerRecord<byte[], byte[]>> records = new EngineSimulator(
				SimulatorSettings.defaults().withSeed(11).withInstances(0))
			.records()
			.limit(3000)
			.map((record) -> new ProducerRecord<>(TOPIC_PREFIX + record.topic(), null, record.key(), record.value(),
					record.headers()))
			.toList();
		int half = records.size() / 2;
		KAFKA.send(records.subList(0, half));
		KAFKA.send(Events.raw(TOPIC_PREFIX + SimulatorTopics.INSTANCES, "poison", "not json".getBytes()));

		Path screenshot;
		try (Browser browser = Browser.launch(1280, 900)) {
			browser.open("http://localhost:" + this.port + "/");

			eventually().until(() -> "live".equals(text(browser, "connection")));
			eventually().until(() -> number(browser, "instances-total") > 0
					&& number(browser, "instances-total") == instancesInDatabase());
			long before = number(browser, "instances-total");
			eventually().until(() -> number(browser, "dead-letters") == 1);
			assertThat(rows(browser, "instances-by-status")).isGreaterThanOrEqualTo(2);
			assertThat(text(browser, "consumer-lag")).matches("[0-9,]+");
			// Totals other than the instances' are PostgreSQL's estimates, and marked so.
			assertThat(text(browser, "bookmarks-total")).startsWith("≈ ");
			eventually().until(() -> number(browser, "bookmarks-total") == count("SELECT count(*) FROM Bookmarks"));

			KAFKA.send(records.subList(half, records.size()));

			// The page is not reloaded: the numbers follow the database.
			eventually().until(() -> number(browser, "instances-total") > before
					&& number(browser, "instances-total") == instancesInDatabase());
			eventually().until(() -> text(browser, "event-rate").matches("[0-9,]+"));
			// Activity records by status are estimated from the table's statistics.
			this.jdbc.sql("ANALYZE ActivityExecutionRecords").update();
			eventually().until(() -> rows(browser, "activities-by-status") >= 2);
			assertThat(text(browser, "instances-by-status")).contains("Suspended", "Finished");
			screenshot = browser.screenshot("dashboard");
		}
		byte[] png = Files.readAllBytes(screenshot);
		assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
		assertThat(png.length).isGreaterThan(20_000);
	}

	private long instancesInDatabase() {
		return count("SELECT count(*) FROM WorkflowInstances");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static String text(Browser browser, String id) {
		return browser.text("#" + id);
	}

	private static long number(Browser browser, String id) {
		String text = text(browser, id).replace(",", "").replace("≈ ", "");
		return text.matches("[0-9]+") ? Long.parseLong(text) : -1;
	}

	private static int rows(Browser browser, String id) {
		return browser.findAll("#" + id + " tbody tr").size();
	}

	private static ConditionFactory eventually() {
		return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250));
	}

}

package io.workflowpersistence.worker.explorer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.worker.testing.Browser;
import io.workflowpersistence.worker.testing.HttpAnswer;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import io.workflowpersistence.worker.testing.UnsecuredWorkerTestSupport;
import io.workflowpersistence.worker.testing.WorkerConnections;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer in headless Chromium (Selenium) against the worker consuming
 * {@link ExplorerSample}'s events from a real Kafka broker into a real PostgreSQL, access
 * control off: each view shows what the read API answers for the filters and page in its
 * URL. Leaves a screenshot of each view in {@code target/screenshots/}.
 */
class ExplorerBrowserIntegrationTests extends UnsecuredWorkerTestSupport {

	private static final DatabaseInfo DATABASE = TestDatabase.server().migratedDatabase("explorer");

	private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	// One topic of its own for every event type: the worker dispatches on the type.
	private static final String TOPIC = "explorer-" + UUID.randomUUID().toString().substring(0, 8);

	private static Browser browser;

	@DynamicPropertySource
	static void connections(DynamicPropertyRegistry registry) {
		WorkerConnections.database(registry, DATABASE);
		WorkerConnections.topics(registry, KAFKA, TOPIC + "-worker", TOPIC);
	}

	@BeforeAll
	static void publishAndLaunch() {
		KAFKA.send(ExplorerSample.events().stream().map((event) -> event.record(TOPIC)).toList());
		browser = Browser.launch(1400, 900);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void awaitIngested() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> count("WorkflowInstances") == ExplorerSample.INSTANCES
					&& count("ActivityExecutionRecords") == ExplorerSample.ACTIVITIES && count("Bookmarks") == 1
					&& count("Triggers") == 1 && count("WorkflowDefinitions") == 3);
	}

	@Test
	void aStatusCountOnTheDashboardOpensTheInstanceListFilteredByThatStatus() {
		browser.open(url("/"));
		String finished = "#instances-by-status tbody tr[data-status='Finished'] td:first-child a";
		browser.waiting().until((driver) -> !browser.findAll(finished).isEmpty());
		browser.find(finished).click();

		browser.waiting()
			.until((driver) -> driver.getCurrentUrl().endsWith("/explorer/instances.html?status=Finished"));
		awaitRows(api("/api/v1/instances?status=Finished"));
		assertThat(shownIds()).containsExactlyInAnyOrder("order-1", "order-3", "order-5", "invoice-1");
		assertThat(browser.text("#summary")).startsWith("4 instances match.");
		assertThat(browser.find("#status-options input[value='Finished']").isSelected()).isTrue();
	}

	@Test
	void theInstanceListShowsThePagesAndFiltersTheApiGives() {
		browser.open(url("/explorer/instances.html?sort=createdAt&order=asc&limit=3"));
		JsonNode first = api("/api/v1/instances?sort=createdAt&order=asc&limit=3");
		awaitRows(first);
		assertThat(browser.text("#summary")).startsWith("7 instances match.");
		// Access control is off: nothing asks for credentials.
		assertThat(browser.find("#credentials").isDisplayed()).isFalse();
		assertThat(browser.find("#message").isDisplayed()).isFalse();
		browser.find("#next-page").click();
		awaitRows(api("/api/v1/instances?sort=createdAt&order=asc&limit=3&cursor="
				+ URLEncoder.encode(first.get("nextCursor").asString(), StandardCharsets.UTF_8)));
		assertThat(shownIds()).containsExactly("order-3", "order-4", "order-5");

		browser.find("#filters input[name=name]").sendKeys("ORDER");
		browser.find("#filters select[name=sort] option[value=updatedAt]").click();
		browser.find("#filters select[name=order] option[value=desc]").click();
		browser.find("#filters button[type=submit]").click();
		browser.waiting().until((driver) -> driver.getCurrentUrl().contains("name=ORDER"));
		JsonNode named = api("/api/v1/instances?name=ORDER&sort=updatedAt&order=desc&limit=3");
		awaitRows(named);
		assertThat(browser.text("#summary")).doesNotContain("match.").contains("no total");
		browser.screenshot("instances");

		browser.open(url("/explorer/instances.html?correlationId=customer-1&createdFrom=" + ExplorerSample.at(0)
				+ "&createdTo=" + ExplorerSample.at(240)));
		awaitRows(api("/api/v1/instances?correlationId=customer-1&createdFrom=" + ExplorerSample.at(0) + "&createdTo="
				+ ExplorerSample.at(240)));
		assertThat(shownIds()).containsExactly("order-1", "invoice-1");
		assertThat(browser.find("#filters input[name=createdFrom]").getDomProperty("value"))
			.startsWith("2026-12-01T10:00");
	}

	@Test
	void anInstanceShowsItsFaultedActivityMarkedWithItsExceptionOnTheTimeline() {
		browser.open(url("/explorer/instance.html?id=" + ExplorerSample.FAULTED_INSTANCE));
		browser.waiting().until((driver) -> browser.findAll(".activity").size() == ExplorerSample.ACTIVITIES);
		List<WebElement> faulted = browser.findAll(".activity.faulted");
		assertThat(faulted).hasSize(1);
		assertThat(faulted.get(0).getDomAttribute("data-id")).isEqualTo(ExplorerSample.FAULTED_ACTIVITY);
		assertThat(faulted.get(0).findElement(By.cssSelector(".exception")).getText())
			.contains(ExplorerSample.EXCEPTION);
		List<Double> lefts = new ArrayList<>();
		browser.findAll(".activity .bar")
			.forEach((bar) -> lefts.add(Double.parseDouble(bar.getCssValue("left").replace("px", ""))));
		assertThat(lefts).isSorted().doesNotHaveDuplicates();
		assertThat(browser.text("#title")).contains("invoice 1", "Finished", "Faulted");
		assertThat(browser.text("#fields")).contains("invoice-flow", "customer-1");
		assertThat(browser.text("#data")).contains("INV-2026-0042");
		browser.screenshot("instance");

		browser.open(url("/explorer/instance.html?id=order-2"));
		browser.waiting().until((driver) -> browser.text("#bookmarks").contains(ExplorerSample.BOOKMARK_HASH));
		assertThat(browser.text("#bookmarks")).contains("Payment received", "WaitForPayment");
	}

	@Test
	void definitionsShowTheirVersionsTagsAndTriggers() {
		browser.open(url("/explorer/definitions.html"));
		browser.waiting().until((driver) -> browser.findAll("#list tbody tr").size() == 3);
		browser.find("#list a.tag[href='definitions.html?tag=orders']").click();
		browser.waiting().until((driver) -> driver.getCurrentUrl().endsWith("?tag=orders"));
		browser.waiting().until((driver) -> shownIds().size() == 2);
		assertThat(shownIds()).containsExactlyInAnyOrder("order-flow-v1", "order-flow-v2");

		browser.open(url("/explorer/definitions.html?definitionId=order-flow"));
		browser.waiting().until((driver) -> browser.text("#triggers").contains("POST /orders"));
		assertThat(shownIds())
			.containsExactlyInAnyOrderElementsOf(ids(api("/api/v1/definitions?definitionId=order-flow")));
		assertThat(browser.text("#list")).contains("v1", "v2", "Latest", "orders", "billing", "Sales");
		browser.screenshot("definitions");
	}

	@Test
	void bookmarksAndTriggersAreLookedUpByTheirHash() {
		browser.open(url("/explorer/lookup.html"));
		browser.find("#filters input[name=hash]").sendKeys(ExplorerSample.BOOKMARK_HASH);
		browser.find("#filters button[type=submit]").click();
		browser.waiting().until((driver) -> browser.text("#bookmarks").contains("order-2"));
		browser.waiting().until((driver) -> browser.text("#triggers").contains("No trigger has this hash."));
		assertThat(browser.driver().getCurrentUrl())
			.endsWith("/explorer/lookup.html?hash=" + ExplorerSample.BOOKMARK_HASH);

		browser.open(url("/explorer/lookup.html?hash=" + ExplorerSample.TRIGGER_HASH));
		browser.waiting().until((driver) -> browser.text("#triggers").contains("order-flow"));
		assertThat(browser.text("#triggers")).contains("POST /orders", "HttpEndpoint1");
		browser.waiting().until((driver) -> browser.text("#bookmarks").contains("No bookmark has this hash."));
		browser.screenshot("lookup");
	}

	private void awaitRows(JsonNode page) {
		List<String> expected = ids(page);
		assertThat(expected).isNotEmpty();
		browser.waiting()
			.withMessage(() -> "the list shows " + shownIds() + ", the API gives " + expected)
			.until((driver) -> shownIds().equals(expected));
	}

	private static List<String> shownIds() {
		return browser.findAll("#list tbody tr").stream().map((row) -> row.getDomAttribute("data-id")).toList();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private JsonNode api(String path) {
		HttpAnswer answer = HttpAnswer.send(HttpAnswer.get(url(path)));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}

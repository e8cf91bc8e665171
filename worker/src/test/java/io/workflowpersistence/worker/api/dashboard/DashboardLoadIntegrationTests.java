package io.workflowpersistence.worker.api.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.HttpAnswer;
import io.workflowpersistence.worker.testing.RepeatedRequests;
import io.workflowpersistence.worker.testing.SecuredWorkerTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty dashboards polling at once: they read no row of the event tables, share one
 * reading per refresh interval, and leave the ingest rate as it was.
 */
class DashboardLoadIntegrationTests extends SecuredWorkerTestSupport {

	private static final int DASHBOARDS = 20;

	// The page's own refresh interval (REFRESH_MILLIS of dashboard.js).
	private static final Duration PAGE_REFRESH = Duration.ofSeconds(2);

	// Every way PostgreSQL reads a table's rows is counted here: a count(*) is a
	// sequential, an index or an index-only scan.
	private static final String SCANS = """
			SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0)
			FROM pg_stat_user_tables
			WHERE relname IN ('workflowinstances', 'activityexecutionrecords', 'bookmarks', 'workflowdefinitions')
			""";

	@Test
	void pollingDashboardsReadNoRowsAndShareOneReadingPerRefresh() {
		String run = unique("shown");
		publish(Events.instance(run + "-1").with("status", "Running").version(1),
				Events.instance(run + "-2").with("status", "Finished").version(1),
				// ANALYZE keeps the statuses that occur more than once in its sample.
				Events.activity(run + "-a1", run + "-1").with("status", "Running").version(1),
				Events.activity(run + "-a2", run + "-1").with("status", "Running").version(1),
				Events.activity(run + "-a3", run + "-1").with("status", "Running").version(1),
				Events.activity(run + "-a4", run + "-1").with("status", "Completed").version(1),
				Events.activity(run + "-a5", run + "-1").with("status", "Completed").version(1),
				Events.bookmark(run + "-b1", run + "-1").version(1));
		eventually().until(() -> this.admin.queryForObject("SELECT count(*) FROM Bookmarks WHERE Id = ?", Long.class,
				run + "-b1") == 1);
		// ANALYZE sets the live rows it finds; counts the worker reports after it would
		// be
		// added once more: it runs once the worker has reported all it did.
		settledScans();
		this.admin.execute("ANALYZE ActivityExecutionRecords");
		long scansBefore = settledScans();

		long started = System.nanoTime();
		List<JsonNode> summaries = poll(Duration.ofSeconds(6));
		Duration polled = Duration.ofNanos(System.nanoTime() - started);
		long scansAfter = settledScans();

		assertThat(scansAfter - scansBefore).as("rows of the event tables read while the dashboards polled").isZero();
		assertThat(summaries).hasSizeGreaterThanOrEqualTo(DASHBOARDS);
		Set<String> readings = new HashSet<>();
		summaries.forEach((summary) -> readings.add(summary.get("at").asString()));
		assertThat(readings).hasSizeLessThanOrEqualTo((int) (polled.toSeconds() / 2) + 2);

		JsonNode last = summary();
		assertThat(last.get("instanceTotal").asLong())
			.isEqualTo(this.admin.queryForObject("SELECT count(*) FROM WorkflowInstances", Long.class));
		assertThat(last.get("activityTotal").asLong())
			.isEqualTo(this.admin.queryForObject("SELECT count(*) FROM ActivityExecutionRecords", Long.class));
		assertThat(last.get("bookmarkTotal").asLong())
			.isEqualTo(this.admin.queryForObject("SELECT count(*) FROM Bookmarks", Long.class));
		assertThat(last.get("activities").findValuesAsString("status")).contains("Running", "Completed");
		assertThat(last.get("activities").findValues("count"))
			.allSatisfy((count) -> assertThat(count.asLong()).isPositive());
		assertThat(last.get("estimated").valueStream().map(JsonNode::asString)).contains("activityTotal",
				"bookmarkTotal", "activities");
	}

	@Test
	void ingestionKeepsItsRateWhileTwentyDashboardsPoll() {
		double alone = ingestRate(unique("alone"));
		// As the page does: the summary and the metrics once per refresh of its timer.
		RepeatedRequests dashboards = RepeatedRequests.start(DASHBOARDS, () -> {
			int summary = get("/dashboard/summary", "X-API-Key", READER_KEY).status();
			int metrics = get("/actuator/prometheus", "X-API-Key", METRICS_KEY).status();
			pause(PAGE_REFRESH);
			return Math.max(summary, metrics);
		});
		try {
			double polled = ingestRate(unique("polled"));
			System.out.printf("Ingest rate alone %.0f events/s, with %d dashboards polling %.0f events/s%n", alone,
					DASHBOARDS, polled);
			// The dashboards' HTTP requests share the cores with the consumers; the
			// database
			// work they cause is one reading per refresh interval for all of them.
			assertThat(polled).isGreaterThan(alone / 3);
		}
		finally {
			dashboards.close();
		}
		assertThat(dashboards.statuses()).isNotEmpty().containsOnly(200);
	}

	// An idle server process reports its counts up to 10 s after its last statement
	// (PostgreSQL 15's idle stats interval): the count is read once it has stood still
	// for longer than that.
	private long settledScans() {
		long[] last = { this.admin.queryForObject(SCANS, Long.class) };
		long[] since = { System.nanoTime() };
		eventually().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			long scans = this.admin.queryForObject(SCANS, Long.class);
			if (scans != last[0]) {
				last[0] = scans;
				since[0] = System.nanoTime();
			}
			return System.nanoTime() - since[0] > Duration.ofSeconds(11).toNanos();
		});
		return last[0];
	}

	private List<JsonNode> poll(Duration duration) {
		long until = System.nanoTime() + duration.toNanos();
		ExecutorService threads = Executors.newFixedThreadPool(DASHBOARDS);
		List<JsonNode> summaries = Collections.synchronizedList(new ArrayList<>());
		try {
			List<CompletableFuture<Void>> dashboards = IntStream.range(0, DASHBOARDS)
				.mapToObj((i) -> CompletableFuture.runAsync(() -> {
					do {
						summaries.add(summary());
						pause(Duration.ofMillis(200));
					}
					while (System.nanoTime() < until);
				}, threads))
				.toList();
			dashboards.forEach(CompletableFuture::join);
		}
		finally {
			threads.shutdown();
		}
		return summaries;
	}

	private JsonNode summary() {
		HttpAnswer answer = get("/dashboard/summary", "X-API-Key", READER_KEY);
		assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(200);
		return answer.json();
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

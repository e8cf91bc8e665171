package io.workflowpersistence.bench;

import static io.workflowpersistence.bench.Markdown.count;
import static io.workflowpersistence.bench.Markdown.millis;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's table of the read API's open loop, beside the closed loop's.
 */
final class ApiOpenLoopSection {

	private final ApiRun.ApiResult api;

	private final BenchOptions options;

	ApiOpenLoopSection(ApiRun.ApiResult api, BenchOptions options) {
		this.api = api;
		this.options = options;
	}

	void render(Markdown markdown) {
		markdown.heading(3, "Open loop: %s requests/s of each query".formatted(count(this.options.apiOpenLoopRate())));
		markdown.paragraph("""
				The same queries on the same worker, after the closed loop, each in turn for %d s: a request is \
				due every %s whatever the answers do (Java `HttpClient`, asynchronous, HTTP/1.1), and its latency \
				runs from the time it was due to having read the whole answer. A slow answer therefore counts \
				for every request that was due while the others waited, which the closed loop, whose clients send \
				only after an answer, leaves out (coordinated omission). Target: p99 ≤ 20 ms for every query.
				""".formatted(this.options.apiSeconds(), millis(1000.0 / this.options.apiOpenLoopRate())));
		List<List<String>> rows = new ArrayList<>();
		for (ApiLoad.Result query : this.api.openLoop()) {
			rows.add(List.of(query.query().name(), millis(query.millis(50)), millis(query.millis(99)),
					millis(query.maxMillis()), count(query.micros().getTotalCount()), query.errorSummary(),
					(query.millis(99) <= 20) ? "yes" : "**no**"));
		}
		markdown.table(List.of("query", "p50", "p99", "max", "requests", "errors", "p99 ≤ 20 ms"), rows);
	}

	/**
	 * The slowest query's p99 in the open loop, ms.
	 */
	static double worstP99(ApiRun.ApiResult api) {
		return api.openLoop().stream().mapToDouble((query) -> query.millis(99)).max().orElse(0);
	}

}

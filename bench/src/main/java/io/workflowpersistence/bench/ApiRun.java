package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * The read API under load: a database filled by {@link ApiData}, the worker jar serving
 * it with ingestion off, and each main query loaded by 16 clients in turn, then each at a
 * fixed rate, open loop.
 */
final class ApiRun {

	private final Setup setup;

	ApiRun(Setup setup) {
		this.setup = setup;
	}

	ApiResult run() throws SQLException, InterruptedException {
		BenchOptions options = this.setup.options();
		DatabaseInfo database = Databases.migrated("bench_api");
		long started = System.nanoTime();
		ApiData.load(database, options.apiInstances(), options.activitiesPerInstance(),
				(line) -> BenchMain.log("api data: " + line));
		double loadSeconds = (System.nanoTime() - started) / 1e9;
		Map<String, Long> rows = Tables.count(database);
		String size = databaseSize(database);
		Map<String, String> environment = new HashMap<>(
				WorkerJar.environment(this.setup.kafka().bootstrapServers(), database, "bench-api"));
		environment.put("WORKER_INGEST_ENABLED", "false");
		List<ApiLoad.Result> results = new ArrayList<>();
		try (WorkerJar worker = WorkerJar.start(options.workerJar(), options.workerJvmOptions(), environment,
				this.setup.directory().resolve("api.log"));
				ResourceSampler resources = new ResourceSampler(worker.pid(), Map.of("worker", worker.pid()),
						() -> WorkerJar.sum(worker.metrics(), "jvm_memory_used_bytes", "area=\"heap\""), database)) {
			ApiLoad load = new ApiLoad(worker::url);
			List<ApiQuery> queries = ApiQuery.all(options.apiInstances());
			Duration warmUp = Duration.ofSeconds(Math.max(1, options.apiSeconds() / 4));
			// A JVM just started compiles the code every query shares (HTTP, security,
			// JSON, the pool) while the first queries run: warm all of them up first, so
			// that the first measured is not the one that pays for it.
			BenchMain.log("api: warming up every query");
			for (ApiQuery query : queries) {
				load.warmUp(query, warmUp);
			}
			long from = System.nanoTime();
			for (ApiQuery query : queries) {
				BenchMain.log("api: " + query.name());
				results.add(load.run(query, warmUp, Duration.ofSeconds(options.apiSeconds())));
			}
			ResourceSampler.Usage usage = resources.usage(from, System.nanoTime());
			List<ApiLoad.Result> openLoop = openLoop(ApiOpenLoop.overHttp(worker::url), queries, options);
			worker.close();
			Databases.drop(database);
			return new ApiResult(rows, size, loadSeconds, results, usage, openLoop);
		}
	}

	/**
	 * Each query in turn at the fixed rate, after the closed loop has warmed them all up.
	 */
	private static List<ApiLoad.Result> openLoop(ApiOpenLoop loop, List<ApiQuery> queries, BenchOptions options)
			throws InterruptedException {
		List<ApiLoad.Result> results = new ArrayList<>();
		for (ApiQuery query : queries) {
			BenchMain.log("api, open loop at " + options.apiOpenLoopRate() + " requests/s: " + query.name());
			results.add(loop.run(query, options.apiOpenLoopRate(), Duration.ofSeconds(options.apiSeconds()), 2000));
		}
		return results;
	}

	private static String databaseSize(DatabaseInfo database) throws SQLException {
		try (Connection connection = Databases.connect(database);
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
			result.next();
			return result.getString(1);
		}
	}

	/**
	 * The read API's measurement.
	 *
	 * @param rows the rows of each table
	 * @param size the size of the database on disk
	 * @param loadSeconds how long writing the data took
	 * @param queries each query's load
	 * @param usage what the worker and PostgreSQL used meanwhile (the closed loop)
	 * @param openLoop each query at a fixed rate, open loop
	 */
	record ApiResult(Map<String, Long> rows, String size, double loadSeconds, List<ApiLoad.Result> queries,
			ResourceSampler.Usage usage, List<ApiLoad.Result> openLoop) {
	}

}

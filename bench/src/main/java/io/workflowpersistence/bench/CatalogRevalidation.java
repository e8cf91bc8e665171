package io.workflowpersistence.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * A focused measurement of the catalog's conditional reads, apart from the whole
 * benchmark: the read API's database of {@link ApiData} (here with 10,000 instances), the
 * worker jar serving it with ingestion off and access control on, and each query on the
 * definitions loaded by 16 clients, once plain and once revalidated with the entity tag
 * of the client's last answer. Run after {@code mvn -DskipTests package}:
 * {@code java -cp 'bench/target/bench.jar:bench/target/lib/*'
 * io.workflowpersistence.bench.CatalogRevalidation [seconds]}.
 */
final class CatalogRevalidation {

	private static final int INSTANCES = 10_000;

	private CatalogRevalidation() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		// A directory of its own each run: the broker formats its storage afresh.
		Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("bench", "target")),
				"revalidation-");
		DatabaseInfo database = Databases.migrated("bench_revalidation");
		ApiData.load(database, INSTANCES, 1, (line) -> BenchMain.log("api data: " + line));
		List<ApiQuery> queries = ApiQuery.all(INSTANCES)
			.stream()
			.filter((query) -> query.example().startsWith("/api/v1/definitions"))
			.toList();
		List<ApiLoad.Result> results = new ArrayList<>();
		try (KafkaServer kafka = KafkaServer.start(directory.resolve("kafka"), Path.of("bench", "target", "lib"))) {
			Map<String, String> environment = new HashMap<>(
					WorkerJar.environment(kafka.bootstrapServers(), database, "bench-revalidation"));
			environment.put("WORKER_INGEST_ENABLED", "false");
			try (WorkerJar worker = WorkerJar.start(Path.of("worker", "target", "worker.jar"), List.of("-Xmx1g"),
					environment, directory.resolve("worker.log"))) {
				ApiLoad load = new ApiLoad(worker::url);
				for (ApiQuery query : queries) {
					load.warmUp(query, Duration.ofSeconds(5));
				}
				for (ApiQuery query : queries) {
					BenchMain.log("api: " + query.name());
					results.add(load.run(query, Duration.ofSeconds(3), Duration.ofSeconds(seconds)));
				}
			}
		}
		finally {
			Databases.drop(database);
		}
		System.out.println("| query | requests/s | p50 ms | p99 ms | max ms | errors |");
		System.out.println("|---|---|---|---|---|---|");
		for (ApiLoad.Result result : results) {
			System.out.printf("| %s | %,.0f | %.2f | %.2f | %.1f | %s |%n", result.query().name(), result.throughput(),
					result.millis(50), result.millis(99), result.maxMillis(), result.errorSummary());
		}
	}

}

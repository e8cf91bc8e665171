package io.workflowpersistence.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.workflowpersistence.bench.DrainRun.DrainResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at a small scale, in process, against a real broker, the tests'
 * PostgreSQL and the packaged worker jar: it completes, writes its report, and accounts
 * for every event. Nothing here asserts a speed.
 */
class BenchSmokeIntegrationTests {

	private static final int EVENTS = 20_000;

	@Test
	void benchmarkCompletesAndAccountsForEveryEvent() throws Exception {
		Path out = Path.of("target", "smoke", "REPORT.md");
		BenchOptions options = new BenchOptions(EVENTS, 1, true, false, out, 2_000, 5, 1, 1_000, 4, 7,
				Path.of("..", "worker", "target", "worker.jar"), Path.of("target", "lib"), Path.of("target", "peer"),
				Path.of("target", "smoke-run"), null, false, List.of(1, 2), "512m", List.of(), 50);

		BenchResults results = new Benchmark(options).run();
		BenchMain.write(results, "smoke test");

		assertThat(results.notes.values()).noneMatch((note) -> note.startsWith("failed"));
		assertThat(results.load.events()).isEqualTo(EVENTS);
		DrainResult drain = results.drains.get(0);
		assertThat(drain.accounting().positions()).isEqualTo(EVENTS);
		assertThat(drain.accounting().counted()).isEqualTo(EVENTS);
		assertThat(drain.accounting().deadLettered()).isZero();
		assertThat(drain.accounting().rows().get("WorkflowInstances")).isPositive();
		assertThat(drain.accounting().rows().get("ActivityExecutionRecords")).isPositive();
		assertThat(results.raw).allSatisfy((raw) -> assertThat(raw.records()).isEqualTo(EVENTS));
		assertThat(results.copies).allSatisfy((copy) -> assertThat(copy.rows()).isEqualTo(results.copyRows));
		assertThat(results.copyRows).isEqualTo(Tables.total(drain.accounting().rows()));
		assertThat(results.latency.micros().getTotalCount()).isPositive();
		assertThat(results.rebuilds)
			.allSatisfy((rebuild) -> assertThat(rebuild.rows()).isEqualTo(drain.accounting().rows()));
		assertThat(results.api.rows().get("WorkflowInstances")).isEqualTo(2_000);
		assertThat(results.api.queries()).allSatisfy((query) -> {
			assertThat(query.errorCount()).as(query.query().name() + ": " + query.errorSummary()).isZero();
			assertThat(query.micros().getTotalCount()).as(query.query().name()).isPositive();
		});
		assertThat(results.scaleOut).extracting(ScaleOutResult::workers).containsExactly(1, 2);
		assertThat(results.scaleOut.get(1).differingTables()).isEmpty();
		assertThat(results.scaleOut).allSatisfy((run) -> {
			assertThat(run.shares().stream().mapToLong(ScaleOutResult.WorkerShare::events).sum())
				.isGreaterThanOrEqualTo(EVENTS);
			assertThat(run.shares().stream().mapToInt((share) -> share.partitions().size()).sum())
				.isEqualTo(run.group().members().stream().mapToInt((member) -> member.partitions().size()).sum());
		});
		assertThat(results.api.openLoop()).allSatisfy((query) -> {
			assertThat(query.errorCount()).as(query.query().name() + ": " + query.errorSummary()).isZero();
			assertThat(query.micros().getTotalCount()).as(query.query().name()).isEqualTo(50);
		});
		assertThat(Files.readString(out)).contains("# Benchmark report", "every event accounted for",
				"Scale-out: several workers in one consumer group", "Slow seconds and what happened then",
				"Open loop: 50 requests/s of each query");
		assertThat(out.resolveSibling(Report.PLOT)).isNotEmptyFile();
		assertThat(out.resolveSibling(Report.LATENCY_PLOT)).isNotEmptyFile();
	}

}

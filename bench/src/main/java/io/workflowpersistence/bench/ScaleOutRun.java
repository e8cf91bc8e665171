package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.admin.Admin;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * Drains of the pre-loaded topics by 1, 2, 3… worker jars in one consumer group: for each
 * number a fresh database and a fresh group, the workers started together, timed as
 * {@link DrainRun} times one worker (from the group's positions in the database), and the
 * final rows compared with those of the first number's drain.
 */
final class ScaleOutRun {

	private static final Duration SAMPLING = Duration.ofMillis(100);

	/**
	 * Workers starting at once share the cores while they start.
	 */
	private static final Duration STARTUP_PER_WORKER = Duration.ofMinutes(3);

	private final Setup setup;

	ScaleOutRun(Setup setup) {
		this.setup = setup;
	}

	/**
	 * One drain for each number of workers, in the order given, each added to
	 * {@code results} as it ends (so that a failure keeps the drains before it); the
	 * first is the reference whose rows the others' are compared with.
	 */
	void runAll(List<Integer> counts, List<ScaleOutResult> results) throws SQLException {
		TableDigests reference = null;
		for (int workers : counts) {
			BenchMain.log("scale-out: " + workers + " worker(s) in one group");
			DatabaseInfo database = Databases.empty("bench_scale");
			try {
				ScaleOutResult result = run(workers, database);
				TableDigests digests = TableDigests.of(database);
				if (reference == null) {
					reference = digests;
				}
				else {
					result = result.withDifferingTables(digests.differingFrom(reference));
				}
				BenchMain.log(String.format("scale-out %d: %,.0f events/s, worker CPU %.1f µs/event, rows differ in %s",
						workers, result.rate(), result.workerMicrosPerEvent(), result.differingTables()));
				results.add(result);
			}
			finally {
				Databases.drop(database);
			}
		}
	}

	private ScaleOutResult run(int count, DatabaseInfo database) throws SQLException {
		String group = "bench-scale-" + count + "-" + System.currentTimeMillis();
		long total = this.setup.events();
		try (Connection connection = Databases.connect(database);
				ProgressSampler progress = new ProgressSampler("scale-out-progress",
						Tables.positions(connection, group), SAMPLING)) {
			List<WorkerJar> workers = startTogether(count, database, group);
			List<ResourceSampler> samplers = new ArrayList<>();
			try {
				for (WorkerJar worker : workers) {
					samplers.add(sampler(worker, database));
				}
				progress.awaitAtLeast(total, this.setup.options().drainTimeout(),
						() -> workers.forEach((worker) -> worker.process().checkAlive()));
				Drain drain = Drain.of(progress.samples(), total, 0.5);
				GroupAssignment assignment;
				try (Admin admin = this.setup.kafka().admin()) {
					assignment = GroupAssignment.describe(admin, group);
				}
				List<ScaleOutResult.WorkerShare> shares = new ArrayList<>();
				for (int index = 0; index < count; index++) {
					shares.add(share(name(index + 1), workers.get(index), assignment,
							samplers.get(index).usage(drain.startNanos(), drain.endNanos())));
				}
				Map<String, Double> cpu = samplers.get(0).usage(drain.startNanos(), drain.endNanos()).cpuCores();
				return new ScaleOutResult(count, drain.records(), drain.seconds(), shares, assignment,
						cpu.getOrDefault(ResourceSampler.POSTGRES, 0.0), cpu.getOrDefault(ResourceSampler.MACHINE, 0.0),
						secondHalf(progress.samples(), total, drain, samplers), null, ProcessStats.loadAverage());
			}
			finally {
				samplers.forEach(ResourceSampler::close);
				workers.forEach(WorkerJar::close);
			}
		}
	}

	/**
	 * Starts the workers at the same time, so that they join the group within the
	 * broker's initial rebalance delay rather than one after another; if one fails to
	 * start, stops the others.
	 */
	private List<WorkerJar> startTogether(int count, DatabaseInfo database, String group) {
		List<CompletableFuture<WorkerJar>> starting = new ArrayList<>();
		for (int index = 1; index <= count; index++) {
			String name = name(index);
			Map<String, String> environment = WorkerJar.environment(this.setup.kafka().bootstrapServers(), database,
					group);
			environment.put("SPRING_KAFKA_CONSUMER_CLIENT_ID", name);
			starting.add(CompletableFuture.supplyAsync(
					() -> WorkerJar.start(this.setup.options().workerJar(), this.setup.options().workerJvmOptions(),
							environment, this.setup.directory().resolve("scale-out-" + count + "-" + name + ".log")),
					(task) -> new Thread(task, "start-" + name).start()));
		}
		List<WorkerJar> workers = new ArrayList<>();
		RuntimeException failure = null;
		for (CompletableFuture<WorkerJar> future : starting) {
			try {
				workers.add(future.join());
			}
			catch (CompletionException ex) {
				failure = (failure != null) ? failure : new IllegalStateException("A worker did not start", ex);
			}
		}
		if (failure != null) {
			workers.forEach(WorkerJar::close);
			throw failure;
		}
		return workers;
	}

	/**
	 * The CPU per event from the reading that shows half the records committed to the
	 * end: by then every JVM of the group has compiled its hot code, which a short drain
	 * would otherwise count against its events, once per worker.
	 */
	private static ScaleOutResult.PerEvent secondHalf(List<ProgressSampler.Sample> samples, long total, Drain drain,
			List<ResourceSampler> samplers) {
		ProgressSampler.Sample half = samples.stream()
			.filter((sample) -> sample.value() >= total / 2)
			.findFirst()
			.orElseThrow();
		double events = total - half.value();
		double seconds = (drain.endNanos() - half.nanos()) / 1e9;
		if (events <= 0 || seconds <= 0) {
			return new ScaleOutResult.PerEvent(Double.NaN, Double.NaN);
		}
		double workerCores = 0;
		for (ResourceSampler sampler : samplers) {
			workerCores += sampler.usage(half.nanos(), drain.endNanos()).cpuCores().getOrDefault("worker", 0.0);
		}
		double postgresCores = samplers.get(0)
			.usage(half.nanos(), drain.endNanos())
			.cpuCores()
			.getOrDefault(ResourceSampler.POSTGRES, 0.0);
		return new ScaleOutResult.PerEvent(workerCores * seconds * 1e6 / events,
				postgresCores * seconds * 1e6 / events);
	}

	private ResourceSampler sampler(WorkerJar worker, DatabaseInfo database) throws SQLException {
		return new ResourceSampler(worker.pid(), Map.of("worker", worker.pid()),
				() -> WorkerJar.sum(worker.metrics(), "jvm_memory_used_bytes", "area=\"heap\""), database);
	}

	/**
	 * The worker's name, also its consumers' client id, by which the group's description
	 * tells its members from the other workers'.
	 */
	private static String name(int number) {
		return "worker-" + number;
	}

	private static ScaleOutResult.WorkerShare share(String name, WorkerJar worker, GroupAssignment assignment,
			ResourceSampler.Usage usage) {
		Map<String, Double> metrics = worker.metrics();
		if (metrics.isEmpty()) {
			throw new IllegalStateException(
					"Cannot read the metrics of " + name + "; its log: " + worker.process().log());
		}
		long events = (long) (WorkerJar.sum(metrics, "workflow_ingest_events_total")
				+ WorkerJar.sum(metrics, "workflow_ingest_kafka_tombstones_total"));
		return new ScaleOutResult.WorkerShare(name, assignment.heldBy(name), events,
				usage.cpuCores().getOrDefault("worker", 0.0), usage.peakHeap(), usage.peakResident());
	}

}

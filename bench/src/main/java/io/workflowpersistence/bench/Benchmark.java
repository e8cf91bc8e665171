package io.workflowpersistence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import io.workflowpersistence.bench.DrainRun.DrainResult;
import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * One benchmark run: the broker started, the events loaded, then every measurement in
 * turn on the same machine. A measurement that fails is noted and the others go on; only
 * the load and the worker's drains are essential.
 */
final class Benchmark {

	private final BenchOptions options;

	Benchmark(BenchOptions options) {
		this.options = options;
	}

	BenchResults run() throws Exception {
		long started = System.nanoTime();
		Path directory = this.options.work().resolve("run-" + System.currentTimeMillis());
		Files.createDirectories(directory);
		BenchResults results = new BenchResults(this.options, MachineInfo.collect(this.options));
		BenchMain.log("starting the Kafka broker");
		try (KafkaServer kafka = KafkaServer.start(directory.resolve("kafka"), this.options.libs())) {
			BenchMain.log("publishing " + this.options.events() + " events");
			results.load = EventLoad.publish(kafka, BenchSimulation.settings(this.options.seed()),
					this.options.events());
			Setup setup = new Setup(this.options, kafka, results.load, directory);
			drains(setup, results);
			DatabaseInfo ours = results.drains.get(results.drains.size() - 1).database();
			step(results, "raw consumer", () -> rawConsumer(setup, results));
			step(results, "COPY", () -> copy(setup, results, ours));
			rebuild(setup, results);
			step(results, "latency", () -> results.latency = new LatencyRun(setup).run());
			if (this.options.skipPeer()) {
				results.notes.put("peer", "left out (--skip-peer)");
			}
			else {
				step(results, "peer", () -> peer(setup, results, ours));
			}
			Databases.drop(ours);
			if (this.options.skipApi()) {
				results.notes.put("api", "left out (--skip-api)");
			}
			else {
				step(results, "read API", () -> results.api = new ApiRun(setup).run());
			}
			if (this.options.skipScaleOut()) {
				results.notes.put("scale-out", "left out (--skip-scale-out)");
			}
			else {
				step(results, "scale-out",
						() -> new ScaleOutRun(setup).runAll(this.options.scaleOutWorkers(), results.scaleOut));
			}
		}
		// The broker's log and the dumps are as large as the load; the logs and
		// recordings stay.
		deleteRecursively(directory.resolve("kafka").resolve("data"));
		deleteRecursively(directory.resolve("copy"));
		results.totalSeconds = (System.nanoTime() - started) / 1e9;
		results.machine.facts().put("Load average at end", String.format("%.2f", ProcessStats.loadAverage()));
		return results;
	}

	private void drains(Setup setup, BenchResults results) throws Exception {
		for (int run = 1; run <= this.options.runs(); run++) {
			BenchMain.log("drain " + run + " of " + this.options.runs());
			boolean profile = run == 1;
			DrainResult result = new DrainRun(setup).run(run, profile);
			BenchMain
				.log(String.format("drain %d: %,.0f events/s, %s", run, result.drain().rate(), result.accounting()));
			results.drains.add(result);
			if (profile) {
				step(results, "profile", () -> results.profile = JfrProfile.read(result.recording(),
						instant(result.drain().startNanos()), instant(result.drain().endNanos())));
			}
			if (run < this.options.runs()) {
				Databases.drop(result.database());
			}
		}
	}

	private void rawConsumer(Setup setup, BenchResults results) {
		for (int run = 1; run <= this.options.runs(); run++) {
			RawConsumer.Result result = RawConsumer.read(setup.kafka().bootstrapServers(), setup.load().endOffsets());
			BenchMain.log(String.format("raw consumer %d: %,.0f records/s", run, result.rate()));
			results.raw.add(result);
		}
	}

	private void copy(Setup setup, BenchResults results, DatabaseInfo ours) throws Exception {
		CopyLimit limit = CopyLimit.dump(ours, setup.directory().resolve("copy"));
		results.copyRows = limit.rows();
		results.copyBytes = limit.bytes();
		for (CopyLimit.Result result : limit.load(this.options.runs())) {
			BenchMain.log(String.format("COPY: %,d rows in %.2f s, %,.0f rows/s", result.rows(), result.seconds(),
					result.rate()));
			results.copies.add(result);
		}
	}

	private void rebuild(Setup setup, BenchResults results) {
		if (!RebuildRun.available(this.options.workerJar())) {
			results.notes.put("rebuild", "not yet: the worker jar has no rebuild command");
			return;
		}
		step(results, "rebuild", () -> {
			for (int run = 1; run <= this.options.runs(); run++) {
				RebuildRun.RebuildResult result = new RebuildRun(setup).run(run);
				BenchMain.log(String.format("rebuild %d: %,.0f events/s", run, result.drain().rate()));
				results.rebuilds.add(result);
			}
		});
	}

	private void peer(Setup setup, BenchResults results, DatabaseInfo ours) throws Exception {
		BenchMain.log("converting the events for the peer");
		results.peerTopics = PeerTopics.convert(setup.kafka(), setup.load().endOffsets());
		for (int run = 1; run <= this.options.runs(); run++) {
			BenchMain.log("peer drain " + run + " of " + this.options.runs());
			PeerRun.PeerResult result = new PeerRun(setup, results.peerTopics).run(run, ours);
			BenchMain.log(String.format("peer %d: %,.0f events/s", run, result.drain().rate()));
			results.peers.add(result);
		}
	}

	private static void step(BenchResults results, String name, Step step) {
		try {
			step.run();
		}
		catch (Exception ex) {
			BenchMain.log(name + " failed: " + ex);
			results.notes.put(name, "failed: " + ex.getMessage());
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * The wall-clock instant of a {@link System#nanoTime()} reading.
	 */
	private static Instant instant(long nanos) {
		return Instant.now().minusNanos(System.nanoTime() - nanos);
	}

	@FunctionalInterface
	private interface Step {

		void run() throws Exception;

	}

}

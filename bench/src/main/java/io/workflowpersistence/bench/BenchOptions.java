package io.workflowpersistence.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the benchmark: {@code --name value}, {@code --name=value} or a
 * flag.
 *
 * @param events the events to load and drain
 * @param runs the drains of the worker (and of the peer) whose median is reported
 * @param skipPeer whether to leave out Debezium's JDBC sink
 * @param skipApi whether to leave out the read API
 * @param out the report to write; the plot goes beside it
 * @param apiInstances instances in the read API's database
 * @param activitiesPerInstance activity records per instance in that database
 * @param apiSeconds how long each query of the read API is measured
 * @param latencyRate the steady offered load of the latency measurement, events per
 * second
 * @param latencySeconds how long the latency is measured
 * @param seed the seed of the simulated engine
 * @param workerJar the packaged worker
 * @param libs the jars the broker runs with
 * @param peer where Kafka Connect's jars and the sink plugin are
 * @param work the directory for databases' dumps, logs and recordings
 */
record BenchOptions(long events, int runs, boolean skipPeer, boolean skipApi, Path out, int apiInstances,
		int activitiesPerInstance, int apiSeconds, int latencyRate, int latencySeconds, long seed, Path workerJar,
		Path libs, Path peer, Path work) {

	static final String USAGE = """
			Usage: bench/run.sh [options]

			Loads simulated engine events into a Kafka broker, measures the worker draining them
			into PostgreSQL against COPY, a bare consumer and Debezium's JDBC sink, the read API
			and the rebuild, and writes the report.

			Options:
			  --events N                  events to load and drain (default: 1000000)
			  --runs K                    drains whose median is reported (default: 3)
			  --skip-peer                 leave out Debezium's JDBC sink
			  --skip-api                  leave out the read API
			  --out FILE                  the report (default: bench/REPORT.md); the plots go beside it
			  --api-instances N           instances in the read API's database (default: 1000000)
			  --activities-per-instance N activity records per instance there (default: 10)
			  --api-seconds N             seconds each query is measured (default: 20)
			  --latency-rate N            steady offered load for latency, events/s (default: 10000)
			  --latency-seconds N         seconds latency is measured (default: 60)
			  --seed N                    seed of the simulated engine (default: 1)
			  --worker-jar FILE           the worker (default: worker/target/worker.jar)
			  --libs DIR                  the broker's jars (default: bench/target/lib)
			  --peer DIR                  Kafka Connect and the sink plugin (default: bench/target/peer)
			  --work DIR                  logs, dumps, recordings (default: bench/target/run)
			""";

	private static final Set<String> FLAGS = Set.of("skip-peer", "skip-api", "help");

	private static final List<String> OPTIONS = List.of("events", "runs", "out", "api-instances",
			"activities-per-instance", "api-seconds", "latency-rate", "latency-seconds", "seed", "worker-jar", "libs",
			"peer", "work");

	/**
	 * The defaults, as run from the root of the project.
	 */
	static BenchOptions defaults() {
		return parse(List.of());
	}

	/**
	 * Reads the command line.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static BenchOptions parse(List<String> args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int index = 0; index < args.size(); index++) {
			String arg = args.get(index);
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "'");
			}
			String name = arg.substring(2);
			String value = null;
			if (name.contains("=")) {
				value = name.substring(name.indexOf('=') + 1);
				name = name.substring(0, name.indexOf('='));
			}
			if (FLAGS.contains(name)) {
				values.put(name, "true");
				continue;
			}
			if (!OPTIONS.contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
			if (value == null) {
				if (index + 1 >= args.size()) {
					throw new IllegalArgumentException("--" + name + " needs a value");
				}
				value = args.get(++index);
			}
			values.put(name, value);
		}
		return new BenchOptions(whole(values, "events", 1_000_000), (int) whole(values, "runs", 3),
				values.containsKey("skip-peer"), values.containsKey("skip-api"),
				Path.of(values.getOrDefault("out", "bench/REPORT.md")), (int) whole(values, "api-instances", 1_000_000),
				(int) whole(values, "activities-per-instance", 10), (int) whole(values, "api-seconds", 20),
				(int) whole(values, "latency-rate", 10_000), (int) whole(values, "latency-seconds", 60),
				whole(values, "seed", 1), Path.of(values.getOrDefault("worker-jar", "worker/target/worker.jar")),
				Path.of(values.getOrDefault("libs", "bench/target/lib")),
				Path.of(values.getOrDefault("peer", "bench/target/peer")),
				Path.of(values.getOrDefault("work", "bench/target/run")));
	}

	static boolean asksForHelp(List<String> args) {
		return args.contains("--help") || args.contains("-h");
	}

	/**
	 * The JVM options of every worker the benchmark starts.
	 */
	List<String> workerJvmOptions() {
		return List.of("-Xms1g", "-Xmx1g");
	}

	/**
	 * The warm-up before latency is measured: a quarter of the measured time, between 1
	 * and 15 seconds.
	 */
	Duration latencyWarmUp() {
		return Duration.ofSeconds(Math.max(1, Math.min(15, this.latencySeconds / 4)));
	}

	/**
	 * How long a drain may take before the benchmark gives up: ten minutes, or 500 events
	 * a second if that is longer.
	 */
	Duration drainTimeout() {
		return Duration.ofSeconds(Math.max(600, this.events / 500));
	}

	private static long whole(Map<String, String> values, String name, long fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			long parsed = Long.parseLong(value.replace("_", ""));
			if (parsed < 1) {
				throw new IllegalArgumentException("--" + name + " must be at least 1 but was " + value);
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a whole number but was '" + value + "'");
		}
	}

}

package io.workflowpersistence.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

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
 * @param postgresConf the settings file of a PostgreSQL the benchmark starts for itself,
 * {@code initdb} for PostgreSQL's stock settings, or {@code null} for the tests' server
 * @param skipScaleOut whether to leave out the drains by several workers in one group
 * @param scaleOutWorkers the numbers of workers in one group, one drain each
 * @param workerHeap the heap of every worker the benchmark starts ({@code -Xms} and
 * {@code -Xmx}), e.g. {@code 512m}
 * @param workerJvmExtra further JVM options of every worker, after the heap's
 * @param apiOpenLoopRate the requests per second of each query in the read API's open
 * loop
 */
record BenchOptions(long events, int runs, boolean skipPeer, boolean skipApi, Path out, int apiInstances,
		int activitiesPerInstance, int apiSeconds, int latencyRate, int latencySeconds, long seed, Path workerJar,
		Path libs, Path peer, Path work, Path postgresConf, boolean skipScaleOut, List<Integer> scaleOutWorkers,
		String workerHeap, List<String> workerJvmExtra, int apiOpenLoopRate) {

	/**
	 * The defaults, as run from the root of the project.
	 */
	static BenchOptions defaults() {
		return parse(List.of());
	}

	/**
	 * Reads the command line; an option given twice takes its last value.
	 * @throws ParameterException naming what is wrong
	 */
	static BenchOptions parse(List<String> args) {
		Options options = new Options();
		commandLine(options).parseArgs(args.toArray(String[]::new));
		return new BenchOptions(options.events, options.runs, options.skipPeer, options.skipApi, options.out,
				options.apiInstances, options.activitiesPerInstance, options.apiSeconds, options.latencyRate,
				options.latencySeconds, options.seed, options.workerJar, options.libs, options.peer, options.work,
				options.postgresConf, options.skipScaleOut, List.copyOf(options.scaleOutWorkers), options.workerHeap,
				List.copyOf(options.workerJvmExtra), options.apiOpenLoopRate);
	}

	/**
	 * The text of {@code --help}.
	 */
	static String usage() {
		return commandLine(new Options()).getUsageMessage();
	}

	static boolean asksForHelp(List<String> args) {
		return args.contains("--help") || args.contains("-h");
	}

	/**
	 * The JVM options of every worker the benchmark starts.
	 */
	List<String> workerJvmOptions() {
		List<String> options = new ArrayList<>(List.of("-Xms" + this.workerHeap, "-Xmx" + this.workerHeap));
		options.addAll(this.workerJvmExtra);
		return options;
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

	private static CommandLine commandLine(Options options) {
		return new CommandLine(options).setOverwrittenOptionsAllowed(true).setUsageHelpLongOptionsMaxWidth(30);
	}

	@Command(name = "bench", customSynopsis = "bench/run.sh [options]", descriptionHeading = "%n",
			description = "Loads simulated engine events into a Kafka broker, measures the worker draining them into "
					+ "PostgreSQL against COPY, a bare consumer and Debezium's JDBC sink, the read API, the "
					+ "rebuild and several workers in one group, and writes the report.",
			optionListHeading = "%nOptions:%n", sortOptions = false, usageHelpWidth = 100)
	static final class Options {

		@Option(names = "--events", paramLabel = "N", converter = PositiveLong.class,
				description = "events to load and drain (default: 1000000)")
		long events = 1_000_000;

		@Option(names = "--runs", paramLabel = "K", converter = PositiveInt.class,
				description = "drains whose median is reported (default: 3)")
		int runs = 3;

		@Option(names = "--skip-peer", description = "leave out Debezium's JDBC sink")
		boolean skipPeer;

		@Option(names = "--skip-api", description = "leave out the read API")
		boolean skipApi;

		@Option(names = "--out", paramLabel = "FILE",
				description = "the report (default: bench/REPORT.md); the plots go beside it")
		Path out = Path.of("bench/REPORT.md");

		@Option(names = "--api-instances", paramLabel = "N", converter = PositiveInt.class,
				description = "instances in the read API's database (default: 1000000)")
		int apiInstances = 1_000_000;

		@Option(names = "--activities-per-instance", paramLabel = "N", converter = PositiveInt.class,
				description = "activity records per instance there (default: 10)")
		int activitiesPerInstance = 10;

		@Option(names = "--api-seconds", paramLabel = "N", converter = PositiveInt.class,
				description = "seconds each query is measured (default: 20)")
		int apiSeconds = 20;

		@Option(names = "--latency-rate", paramLabel = "N", converter = PositiveInt.class,
				description = "steady offered load for latency, events/s (default: 10000)")
		int latencyRate = 10_000;

		@Option(names = "--latency-seconds", paramLabel = "N", converter = PositiveInt.class,
				description = "seconds latency is measured (default: 300)")
		int latencySeconds = 300;

		@Option(names = "--seed", paramLabel = "N", converter = PositiveLong.class,
				description = "seed of the simulated engine (default: 1)")
		long seed = 1;

		@Option(names = "--worker-jar", paramLabel = "FILE",
				description = "the worker (default: worker/target/worker.jar)")
		Path workerJar = Path.of("worker/target/worker.jar");

		@Option(names = "--libs", paramLabel = "DIR", description = "the broker's jars (default: bench/target/lib)")
		Path libs = Path.of("bench/target/lib");

		@Option(names = "--peer", paramLabel = "DIR",
				description = "Kafka Connect and the sink plugin (default: bench/target/peer)")
		Path peer = Path.of("bench/target/peer");

		@Option(names = "--work", paramLabel = "DIR",
				description = "logs, dumps, recordings (default: bench/target/run)")
		Path work = Path.of("bench/target/run");

		@Option(names = "--postgres-conf", paramLabel = "FILE",
				description = "start a PostgreSQL of its own (Debian's server, a throwaway cluster) with this "
						+ "postgresql.conf, or 'initdb' for the stock settings (default: the tests' server)")
		Path postgresConf;

		@Option(names = "--skip-scale-out", description = "leave out the drains by several workers in one group")
		boolean skipScaleOut;

		@Option(names = "--scale-out-workers", paramLabel = "N,N", split = ",", converter = PositiveInt.class,
				description = "workers in one group, one drain for each number (default: 1,2,3)")
		List<Integer> scaleOutWorkers = new ArrayList<>(List.of(1, 2, 3));

		@Option(names = "--worker-heap", paramLabel = "SIZE",
				description = "heap of every worker started, -Xms and -Xmx (default: 512m)")
		String workerHeap = "512m";

		@Option(names = "--worker-jvm-option", paramLabel = "OPTION",
				description = "a further JVM option of every worker started; may be repeated")
		List<String> workerJvmExtra = new ArrayList<>();

		@Option(names = "--api-open-loop-rate", paramLabel = "N", converter = PositiveInt.class,
				description = "requests/s of each query in the read API's open loop (default: 200)")
		int apiOpenLoopRate = 200;

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
		boolean help;

	}

	/**
	 * A whole number of at least 1, with {@code _} between digits if wanted:
	 * {@code 1_000_000}.
	 */
	static final class PositiveLong implements ITypeConverter<Long> {

		@Override
		public Long convert(String value) {
			return positive(value, Long.MAX_VALUE);
		}

	}

	/**
	 * A whole number from 1 to the largest {@code int}, with {@code _} between digits if
	 * wanted.
	 */
	static final class PositiveInt implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			return (int) positive(value, Integer.MAX_VALUE);
		}

	}

	private static long positive(String value, long max) {
		long number;
		try {
			number = Long.parseLong(value.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw new TypeConversionException("must be a whole number but was '" + value + "'");
		}
		if (number < 1 || number > max) {
			String range = (max == Long.MAX_VALUE) ? "at least 1" : "between 1 and " + max;
			throw new TypeConversionException("must be " + range + " but was " + value);
		}
		return number;
	}

}

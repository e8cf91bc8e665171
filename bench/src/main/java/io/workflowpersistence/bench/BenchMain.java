package io.workflowpersistence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.workflowpersistence.bench.LinePlot.Series;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The benchmark as a command ({@code bench/run.sh}): runs every measurement and writes
 * the report, with the plot beside it. Exits with 0 when the report is written, 1 when
 * the benchmark failed and 2 for bad arguments.
 */
public final class BenchMain {

	/**
	 * Hand-written findings beside the report, put into it under the profile when
	 * present.
	 */
	static final String FINDINGS = "FINDINGS.md";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private BenchMain() {
	}

	public static void main(String[] args) {
		List<String> arguments = Arrays.asList(args);
		if (BenchOptions.asksForHelp(arguments)) {
			System.out.print(BenchOptions.usage());
			return;
		}
		BenchOptions options;
		try {
			options = BenchOptions.parse(arguments);
		}
		catch (ParameterException ex) {
			System.err.println("error: " + ex.getMessage());
			UnmatchedArgumentException.printSuggestions(ex, System.err);
			System.err.println();
			System.err.print(BenchOptions.usage());
			System.exit(2);
			return;
		}
		try (OwnPostgres postgres = (options.postgresConf() != null)
				? OwnPostgres.start(options.postgresConf(), options.work()) : null) {
			BenchResults results = new Benchmark(options).run();
			write(results, String.join(" ", "bench/run.sh", String.join(" ", arguments)).strip());
			log("wrote " + options.out());
			System.exit(0);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	/**
	 * Writes the report and its plot.
	 */
	static void write(BenchResults results, String command) throws IOException {
		Path out = results.options.out().toAbsolutePath();
		Files.createDirectories(out.getParent());
		List<Series> series = new ArrayList<>();
		series.add(Series.of("worker jar (median run)", results.medianDrain().drain()));
		if (results.medianPeer() != null) {
			series.add(Series.of("Debezium JDBC sink, 3 tasks (median run)", results.medianPeer().drain()));
		}
		if (results.medianRebuild() != null) {
			series.add(Series.of("rebuild command (median run)", results.medianRebuild().drain()));
		}
		LinePlot.write(out.resolveSibling(Report.PLOT),
				String.format("Draining %,d events into PostgreSQL", results.load.events()),
				"seconds since the first records were committed", "events/s", series);
		if (results.latency != null) {
			LatencyRun.Latencies latencies = results.latency.latencies();
			LinePlot.write(out.resolveSibling(Report.LATENCY_PLOT),
					String.format("End-to-end latency at %,d events/s", results.latency.rate()),
					"second of the measured time the records were sent in", "ms",
					List.of(new Series("p50 of the records sent in each second", latencies.p50BySecond(), 1),
							new Series("p99 of the records sent in each second", latencies.p99BySecond(), 1)));
		}
		Path findings = out.resolveSibling(FINDINGS);
		String notes = Files.exists(findings) ? Files.readString(findings) : null;
		Files.writeString(out, new Report(results, command).render(notes));
	}

	static void log(String message) {
		System.out.println(LocalTime.now().format(TIME) + " " + message);
	}

}

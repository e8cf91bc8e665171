package io.workflowpersistence.bench;

import static io.workflowpersistence.bench.Markdown.count;
import static io.workflowpersistence.bench.Markdown.decimal;
import static io.workflowpersistence.bench.Markdown.mebibytes;
import static io.workflowpersistence.bench.Markdown.millis;
import static io.workflowpersistence.bench.Markdown.percent;
import static io.workflowpersistence.bench.Markdown.ratio;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.workflowpersistence.bench.DrainRun.DrainResult;
import io.workflowpersistence.bench.PeerRun.PeerResult;

/**
 * The report of a benchmark run: the summary against the targets, the machine, the
 * command, the data set, and the worker's ingest against the physical limits.
 */
final class Report {

	static final String PLOT = "ingest-rate.png";

	static final String LATENCY_PLOT = "latency.png";

	private final BenchResults results;

	private final String command;

	Report(BenchResults results, String command) {
		this.results = results;
		this.command = command;
	}

	String render(String notes) {
		Markdown markdown = new Markdown();
		markdown.line("# Benchmark report");
		markdown.paragraph("""

				Written by `%s` on %s, in %.1f minutes. Every number below comes from that run; the \
				sections say how each was measured.
				""".formatted(this.command, ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME),
				this.results.totalSeconds / 60));
		summary(markdown);
		machine(markdown);
		dataSet(markdown);
		ingest(markdown);
		limits(markdown);
		new ReportSections(this.results).render(markdown);
		new ScaleOutSection(this.results.scaleOut, Runtime.getRuntime().availableProcessors()).render(markdown);
		if (notes != null && !notes.isBlank()) {
			markdown.line("").line(notes.strip()).line("");
		}
		if (!this.results.notes.isEmpty()) {
			markdown.heading(2, "Left out or failed in this run");
			this.results.notes.forEach((name, note) -> markdown.line("- " + name + ": " + note));
		}
		return markdown.toString();
	}

	private void summary(Markdown markdown) {
		DrainResult ours = this.results.medianDrain();
		PeerResult peer = this.results.medianPeer();
		double rate = ours.drain().rate();
		double copy = this.results.copyEventRate();
		double raw = (this.results.medianRaw() != null) ? this.results.medianRaw().rate() : Double.NaN;
		double peerRate = (peer != null) ? peer.drain().rate() : Double.NaN;
		markdown.heading(2, "Summary");
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("ingest, worker jar draining the topics (median of " + this.results.drains.size() + ")",
				count(rate) + " events/s", "≥ 50,000 events/s", met(rate >= 50_000)));
		rows.add(List.of("ours / COPY limit (same final rows, same indexes)", percent(rate / copy), "≥ 50%",
				met(rate / copy >= 0.5)));
		rows.add(List.of("ours / Debezium JDBC sink (same events, same tables)", ratio(rate / peerRate), "≥ 5×",
				met(rate / peerRate >= 5)));
		rows.add(List.of("ours / bare Kafka consumer", percent(rate / raw), "", ""));
		if (this.results.latency != null) {
			LatencyRun.Result latency = this.results.latency;
			rows.add(List.of("end-to-end latency at " + count(latency.rate()) + " events/s, p50 / p99",
					millis(latency.percentileMillis(50)) + " / " + millis(latency.percentileMillis(99)), "p99 ≤ 250 ms",
					met(latency.percentileMillis(99) <= 250)));
			rows.add(List.of("seconds of that run with p99 or max over 500 ms", count(latency.spikes().size()), "0",
					met(latency.spikes().isEmpty())));
		}
		if (this.results.api != null) {
			double worst = this.results.api.queries().stream().mapToDouble((query) -> query.millis(99)).max().orElse(0);
			rows.add(
					List.of("read API p99, slowest main query, 16 clients", millis(worst), "< 20 ms", met(worst < 20)));
			double open = ApiOpenLoopSection.worstP99(this.results.api);
			rows.add(List.of("read API p99, slowest main query, open loop at "
					+ count(this.results.options.apiOpenLoopRate()) + " requests/s", millis(open), "≤ 20 ms",
					met(open <= 20)));
		}
		if (this.results.medianRebuild() != null) {
			rows.add(List.of("rebuild command", count(this.results.medianRebuild().drain().rate()) + " events/s", "",
					""));
		}
		markdown.table(List.of("measure", "this run", "target", "met"), rows);
		markdown.line("![events/s over time: the worker and the peer draining the same events](" + PLOT + ")").line("");
		markdown.paragraph("""
				Absolute numbers: worker %s events/s; COPY limit %s rows/s (%s events/s of input); bare consumer \
				%s records/s; Debezium JDBC sink %s events/s.
				""".formatted(count(rate),
				count(this.results.medianCopy() != null ? this.results.medianCopy().rate() : 0), count(copy),
				count(raw), count(peerRate)));
	}

	private static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

	private void machine(Markdown markdown) {
		markdown.heading(2, "Machine, versions, command");
		List<List<String>> rows = new ArrayList<>();
		this.results.machine.facts().forEach((name, value) -> rows.add(List.of(name, value)));
		rows.add(List.of("Worker JVM options", String.join(" ", this.results.options.workerJvmOptions())));
		markdown.table(List.of("", ""), rows);
		markdown.paragraph("""
				The command: `%s`. It builds the project (`mvn -q -DskipTests package`), fetches Kafka Connect \
				and the sink plugin (`mvn -q -f bench/peer/pom.xml package`), then runs \
				`java -cp 'bench/target/bench.jar:bench/target/lib/*' io.workflowpersistence.bench.BenchMain`. \
				The broker is a separate process started from `bench/target/lib`; PostgreSQL is the server the \
				tests use (`TEST_DATABASE_URL`, else 127.0.0.1:5432, else an embedded one), with a fresh \
				database for every measurement. The machine is shared: the load average above shows what else \
				ran meanwhile.
				""".formatted(this.command));
	}

	private void dataSet(Markdown markdown) {
		EventLoad load = this.results.load;
		markdown.heading(2, "Data set");
		markdown.paragraph("""
				%s CloudEvents from the project's engine simulator (seed %d), published once to the six topics \
				of the contract, %d partitions each, in %.1f s (%s events/s): %s re-sent records (%s), %s \
				delivered after a newer version of their entity (%s), %s in binary content mode, the rest \
				structured; %s bytes of keys and values, %.0f bytes a record on average.
				""".formatted(count(load.events()), this.results.options.seed(), EventLoad.PARTITIONS, load.seconds(),
				count(load.events() / load.seconds()), count(load.counts().duplicates()),
				percent((double) load.counts().duplicates() / load.events()), count(load.counts().outOfOrder()),
				percent((double) load.counts().outOfOrder() / load.events()), count(load.counts().binary()),
				count(load.bytes()), load.averageRecordBytes()));
		List<List<String>> rows = new ArrayList<>();
		new TreeMap<>(load.counts().byType())
			.forEach((type, number) -> rows.add(List.of(Markdown.code(type), count(number))));
		markdown.table(List.of("event type", "records"), rows);
		Map<String, Long> tables = this.results.medianDrain().accounting().rows();
		List<List<String>> tableRows = new ArrayList<>();
		tables.forEach((table, number) -> tableRows.add(List.of(table, count(number))));
		markdown.paragraph("The rows they leave (%s in all):".formatted(count(Tables.total(tables))));
		markdown.table(List.of("table", "rows"), tableRows);
	}

	private void ingest(Markdown markdown) {
		markdown.heading(2, "1. Ingest: the worker jar");
		markdown.paragraph("""
				Each run starts `worker/target/worker.jar` with a fresh database and a fresh consumer group, \
				configured by environment variables only. Progress is the sum of the group's positions in \
				`ConsumerOffsets`, which the worker writes in the transaction that applies the records, read \
				every 100 ms; a run is timed from the first reading that shows records committed to the first \
				that shows all of them, and counts only the records committed in between (start-up, migration \
				and group join are left out). CPU is per second of that time (1.00 = one core busy); the \
				PostgreSQL backends are those connected to the run's database; the whole machine counts every \
				process, other work on the machine included.
				""");
		List<List<String>> rows = new ArrayList<>();
		for (DrainResult run : this.results.drains) {
			Map<String, Double> cpu = run.usage().cpuCores();
			rows.add(List.of(Integer.toString(run.run()), count(run.drain().rate()), decimal(run.drain().seconds()),
					decimal(cpu.getOrDefault("worker", 0.0)), decimal(cpu.getOrDefault(ResourceSampler.POSTGRES, 0.0)),
					decimal(cpu.getOrDefault("Kafka broker", 0.0)),
					decimal(cpu.getOrDefault(ResourceSampler.MACHINE, 0.0)), mebibytes(run.usage().peakHeap()),
					mebibytes(run.usage().peakResident()), run.accounting().complete()
							? "all " + count(run.accounting().published()) : "**no**: " + run.accounting()));
		}
		markdown.table(List.of("run", "events/s", "seconds", "worker CPU", "PostgreSQL CPU", "broker CPU",
				"whole machine CPU", "worker peak heap", "worker peak RSS", "every event accounted for"), rows);
		DrainRun.Accounting accounting = this.results.medianDrain().accounting();
		DrainRun.Batches batches = this.results.medianDrain().batches();
		markdown.paragraph("""
				Accounted for: the positions reach the end offsets, and the worker's counters (applied %s, \
				stale or duplicate %s, dead-lettered %s, Kafka tombstones %s) add up to the records published. \
				The median run's worker applied %s batches of %s records on average, in %s each on average \
				(parsing, writing and committing; its metric `workflow_ingest_batch_apply_seconds`).
				""".formatted(count(accounting.applied()), count(accounting.stale()), count(accounting.deadLettered()),
				count(accounting.tombstones()), count(batches.count()), count(batches.meanRecords()),
				millis(batches.meanApplyMillis())));
		latency(markdown);
	}

	private void latency(Markdown markdown) {
		LatencyRun.Result latency = this.results.latency;
		if (latency == null) {
			return;
		}
		markdown.heading(3, "End-to-end latency at a steady load");
		markdown.paragraph("""
				The worker consumes topics of its own while the benchmark publishes the simulator's events to \
				them at %s events/s, open loop, for %d s of warm-up and then %d s measured (%s events/s \
				offered). The simulator's CloudEvents `time` is simulated time, so it is not used: a record's \
				latency runs from the moment the benchmark handed it to the Kafka producer to the start of the \
				first query that saw its partition's position in `ConsumerOffsets` past it (the position is \
				committed with the record's row, and is polled every 5 ms, so latency is over-stated by up to \
				5 ms). Both clocks are the benchmark's own `System.nanoTime()`.
				""".formatted(count(latency.rate()), this.results.options.latencyWarmUp().toSeconds(),
				this.results.options.latencySeconds(), count(latency.offered())));
		markdown.table(
				List.of("records", "p50", "p90", "p99", "p99.9", "max", "caught up after the load stopped",
						"worker peak heap", "worker peak RSS", "worker CPU"),
				List.of(List.of(count(latency.micros().getTotalCount()), millis(latency.percentileMillis(50)),
						millis(latency.percentileMillis(90)), millis(latency.percentileMillis(99)),
						millis(latency.percentileMillis(99.9)), millis(latency.maxMillis()),
						decimal(latency.catchUpSeconds()) + " s", mebibytes(latency.usage().peakHeap()),
						mebibytes(latency.usage().peakResident()),
						decimal(latency.usage().cpuCores().getOrDefault("worker", 0.0)))));
		markdown.line("![latency of the records sent in each second of the measured time](" + LATENCY_PLOT + ")")
			.line("");
		new LatencySpikeSection(latency).render(markdown);
	}

	private void limits(Markdown markdown) {
		markdown.heading(2, "2. The physical limit on the same rows");
		List<List<String>> rows = new ArrayList<>();
		for (CopyLimit.Result copy : this.results.copies) {
			rows.add(List.of("COPY (binary) into the migrated tables", count(copy.rows()) + " rows",
					decimal(copy.seconds()), count(copy.rate()) + " rows/s",
					count(this.results.load.events() / copy.seconds()) + " events/s"));
		}
		for (RawConsumer.Result raw : this.results.raw) {
			rows.add(List.of("bare consumer over the topics", count(raw.records()) + " records", decimal(raw.seconds()),
					count(raw.rate()) + " records/s", mebibytes(raw.bytes() / raw.seconds()) + "/s"));
		}
		markdown.paragraph("""
				COPY: the final rows of the last drain (%s rows, %s) are dumped with `COPY … TO STDOUT (FORMAT \
				binary)` and loaded with `COPY … FROM STDIN (FORMAT binary)` through pgjdbc's `CopyManager` into \
				a freshly migrated database (the same tables, the same indexes), in one transaction, timed to \
				the commit. Its events/s is the input events over that time: what ingest would reach if turning \
				events into rows cost nothing beyond writing the rows. The bare consumer reads every record \
				with the worker's consumer settings (2,000 records a poll, read-committed) and touches its \
				bytes, nothing else.
				""".formatted(count(this.results.copyRows), mebibytes(this.results.copyBytes)));
		markdown.table(List.of("what", "size", "seconds", "rate", "as input rate"), rows);
	}

}

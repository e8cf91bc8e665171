package io.workflowpersistence.bench;

import static io.workflowpersistence.bench.Markdown.count;
import static io.workflowpersistence.bench.Markdown.decimal;
import static io.workflowpersistence.bench.Markdown.mebibytes;
import static io.workflowpersistence.bench.Markdown.millis;
import static io.workflowpersistence.bench.Markdown.percent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.bench.DrainRun.DrainResult;
import io.workflowpersistence.bench.PeerRun.PeerResult;
import io.workflowpersistence.bench.RebuildRun.RebuildResult;

/**
 * The report's sections on the peer, the read API, the rebuild and where the worker's
 * time goes.
 */
final class ReportSections {

	private final BenchResults results;

	ReportSections(BenchResults results) {
		this.results = results;
	}

	void render(Markdown markdown) {
		peer(markdown);
		api(markdown);
		rebuild(markdown);
		profile(markdown);
	}

	private void peer(Markdown markdown) {
		if (this.results.peers.isEmpty()) {
			return;
		}
		PeerTopics topics = this.results.peerTopics;
		markdown.heading(2, "3. The peer: Debezium's JDBC sink in Kafka Connect");
		markdown.paragraph("""
				The peer reads the same %s events, converted once beforehand (in %.1f s, not timed) into the \
				shape its converter needs: Kafka Connect's JSON with schemas, one topic per table (%d \
				partitions each), keyed by the row's id, in the order they were read from each partition, \
				re-sends and late versions included, a delete as a Kafka tombstone. Connect standalone runs the \
				sink with %d tasks, `insert.mode=upsert`, `primary.key.mode=record_key`, `delete.enabled=true`, \
				`schema.evolution=none`, `batch.size=2000`, `use.reduction.buffer=true` (last write per key \
				within a batch), 2,000 records a poll, into a freshly migrated database: the worker's tables, \
				indexes and PostgreSQL. Progress is its committed offsets (committed every 500 ms, read every \
				250 ms), timed as the worker's drain.
				""".formatted(count(topics.records()), topics.seconds(), EventLoad.PARTITIONS,
				ConnectStandalone.TASKS));
		markdown.paragraph("""
				What the peer does not do, and the worker does: no ordering check (the last record to arrive \
				wins, so a late older version overwrites a newer row), no tombstones (an older upsert arriving \
				after a delete brings the row back), no cascade from an instance to its activity records and \
				bookmarks, no definition tags, no validation of the CloudEvents (it never sees them: the \
				conversion parsed them), no dead-letter topic, no record of positions in the database. The rows \
				it leaves therefore differ from the worker's, as counted below.
				""");
		List<List<String>> rows = new ArrayList<>();
		for (PeerResult run : this.results.peers) {
			Map<String, Double> cpu = run.usage().cpuCores();
			rows.add(List.of(Integer.toString(run.run()), count(run.drain().rate()), decimal(run.drain().seconds()),
					decimal(cpu.getOrDefault("Kafka Connect", 0.0)),
					decimal(cpu.getOrDefault(ResourceSampler.POSTGRES, 0.0)),
					decimal(cpu.getOrDefault("Kafka broker", 0.0)),
					decimal(cpu.getOrDefault(ResourceSampler.MACHINE, 0.0)), mebibytes(run.usage().peakResident())));
		}
		markdown.table(List.of("run", "events/s", "seconds", "Connect CPU", "PostgreSQL CPU", "broker CPU",
				"whole machine CPU", "Connect peak RSS"), rows);
		RowDifferences differences = this.results.medianPeer().differences();
		List<List<String>> tables = new ArrayList<>();
		differences.missing()
			.forEach((table, missing) -> tables.add(List.of(table, count(missing),
					count(differences.extra().get(table)), count(differences.otherVersion().get(table)))));
		markdown.paragraph("How the peer's rows differ from the worker's (by id and the version that wrote the row):");
		markdown.table(List.of("table", "rows missing", "rows that should not exist", "rows of another version"),
				tables);
	}

	private void api(Markdown markdown) {
		ApiRun.ApiResult api = this.results.api;
		if (api == null) {
			return;
		}
		markdown.heading(2, "4. Read API");
		markdown.paragraph("""
				Data written with SQL `generate_series` into a migrated database (secondary indexes dropped \
				while loading and created again, then `VACUUM (ANALYZE)`) in %.1f minutes: %s instances, %s \
				activity records, %s bookmarks, %s triggers, %s definitions; %s on disk. The worker jar serves it \
				with ingestion off and otherwise its defaults: access control on (the benchmark sends an API key \
				with the `workflows.read` scope), an access log line per request, the API's own pool of 4 \
				read-only connections and as many requests at once. First every query is run for its warm-up time \
				unmeasured, so that the JVM has compiled what they share; then each query in turn: %d clients in \
				a closed loop (Java `HttpClient`, HTTP/1.1, each sends its next request when the last answer is \
				read), %d s warm-up, %d s measured, parameters drawn at random; the clients run on the same two \
				cores.
				""".formatted(api.loadSeconds() / 60, count(api.rows().get("WorkflowInstances")),
				count(api.rows().get("ActivityExecutionRecords")), count(api.rows().get("Bookmarks")),
				count(api.rows().get("Triggers")), count(api.rows().get("WorkflowDefinitions")), api.size(),
				ApiLoad.CLIENTS, Math.max(1, this.results.options.apiSeconds() / 4),
				this.results.options.apiSeconds()));
		List<List<String>> rows = new ArrayList<>();
		for (ApiLoad.Result query : api.queries()) {
			rows.add(List.of(query.query().name(), Markdown.code(query.query().example()), millis(query.millis(50)),
					millis(query.millis(99)), millis(query.maxMillis()), count(query.throughput()),
					query.errorSummary()));
		}
		markdown.table(List.of("query", "e.g.", "p50", "p99", "max", "requests/s", "errors"), rows);
		markdown.paragraph("Meanwhile the worker used %s CPU cores and PostgreSQL %s; worker peak heap %s, peak RSS %s."
			.formatted(decimal(api.usage().cpuCores().getOrDefault("worker", 0.0)),
					decimal(api.usage().cpuCores().getOrDefault(ResourceSampler.POSTGRES, 0.0)),
					mebibytes(api.usage().peakHeap()), mebibytes(api.usage().peakResident())));
		new ApiOpenLoopSection(api, this.results.options).render(markdown);
	}

	private void rebuild(Markdown markdown) {
		markdown.heading(2, "5. Rebuild");
		if (this.results.rebuilds.isEmpty()) {
			markdown.paragraph("Not measured: " + this.results.notes.getOrDefault("rebuild", "no run") + ".");
			return;
		}
		markdown.paragraph("""
				`java -jar worker/target/worker.jar rebuild --in-place --confirm-empty-tables --group <fresh>` over \
				the pre-loaded topics into a freshly migrated database, timed as a drain from its group's \
				positions; the whole command, JVM start to exit, beside it.
				""");
		List<List<String>> rows = new ArrayList<>();
		for (RebuildResult run : this.results.rebuilds) {
			rows.add(List.of(Integer.toString(run.run()), count(run.drain().rate()), decimal(run.drain().seconds()),
					run.byPositions() ? "positions" : "the whole command", decimal(run.wallSeconds()),
					count(Tables.total(run.rows()))));
		}
		markdown.table(List.of("run", "events/s", "seconds", "timed by", "whole command, seconds", "rows"), rows);
	}

	private void profile(Markdown markdown) {
		markdown.heading(2, "Where the time goes");
		DrainResult first = this.results.drains.get(0);
		Map<String, Double> cpu = first.usage().cpuCores();
		double worker = cpu.getOrDefault("worker", 0.0);
		double postgres = cpu.getOrDefault(ResourceSampler.POSTGRES, 0.0);
		double broker = cpu.getOrDefault("Kafka broker", 0.0);
		double machine = cpu.getOrDefault(ResourceSampler.MACHINE, 0.0);
		markdown.paragraph("""
				During drain 1 the machine's %d cores were busy %s CPU seconds per second: the worker %s, the \
				PostgreSQL backends of its database %s, the Kafka broker %s, and everything else (the \
				benchmark's own sampling, PostgreSQL's background processes, the kernel, other work on the \
				machine) %s.
				""".formatted(Runtime.getRuntime().availableProcessors(), decimal(machine), decimal(worker),
				decimal(postgres), decimal(broker), decimal(Math.max(0, machine - worker - postgres - broker))));
		double micros = first.drain().seconds() * 1e6 / first.drain().records();
		CopyLimit.Result copy = this.results.medianCopy();
		markdown.paragraph("""
				Per event drained, that is %s µs of the worker's CPU and %s µs of PostgreSQL's (and %s µs of wall \
				time); COPY writes the rows of one event in %s µs of wall time.
				""".formatted(decimal(worker * micros), decimal(postgres * micros), decimal(micros),
				(copy != null) ? decimal(copy.seconds() * 1e6 / this.results.load.events()) : "n/a"));
		JfrProfile profile = this.results.profile;
		if (profile == null) {
			return;
		}
		markdown.paragraph("""
				Java Flight Recorder (`-XX:StartFlightRecording`, settings `profile`) on drain 1, the events of \
				the drain only: %s samples of Java threads on CPU, %d garbage collections pausing %s ms in all. \
				The JVM's own view of CPU load: %s.
				""".formatted(count(profile.cpuSamples()), profile.gcCount(), count(profile.gcPause().toMillis()),
				machineCpu(profile)));
		markdown.heading(3, "On CPU, by stage (a sample counts for every stage on its stack)");
		markdown.shares("stage", profile.stages());
		markdown.heading(3, "On CPU, what the parser was doing (share of all samples)");
		markdown.shares("step of EventParser.read", profile.parseSteps());
		markdown.heading(3, "On CPU, by library of the first non-JDK frame");
		markdown.shares("library", profile.selfLibraries());
		markdown.heading(3, "On CPU, hottest methods (self)");
		markdown.shares("method", profile.selfMethods());
		markdown.heading(3, "On CPU, by thread");
		markdown.shares("thread", profile.threads());
		markdown.heading(3, "Waiting for PostgreSQL: reads of its answers that took over 10 ms");
		markdown.paragraph("""
				The socket reads of `%s` that waited over 10 ms (JFR's `jdk.SocketRead` threshold in the \
				`profile` settings; shorter ones are not recorded), by the worker code that waited, summed over \
				its consumer threads (4 by default, each with the drain's %s s of wall time):
				""".formatted(profile.busiestThread(), decimal(first.drain().seconds())));
		markdown.table(List.of("waiting in", "reads", "total", "mean"),
				profile.databaseWaits()
					.entrySet()
					.stream()
					.map((wait) -> List.of(Markdown.code(wait.getKey()), count(wait.getValue().count()),
							decimal(wait.getValue().millis() / 1000) + " s", millis(wait.getValue().meanMillis())))
					.toList());
		markdown.heading(3, "The busiest thread in native code, by the library that called in");
		markdown.paragraph("""
				Shares of the native samples of `%s`: JFR takes at most one native sample per 20 ms across all \
				threads, so these say whom it waits for, not for how long.
				""".formatted(profile.busiestThread()));
		markdown.shares("library", profile.waiting());
		markdown.heading(3, "Allocation (sampled bytes), by class");
		markdown.shares("class", profile.allocations());
	}

	private static String machineCpu(JfrProfile profile) {
		List<String> parts = new ArrayList<>();
		profile.machineCpu().forEach((name, load) -> parts.add(name + " " + percent(load)));
		return String.join(", ", parts);
	}

}

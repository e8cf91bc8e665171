package io.workflowpersistence.bench;

import static io.workflowpersistence.bench.Markdown.count;
import static io.workflowpersistence.bench.Markdown.decimal;
import static io.workflowpersistence.bench.Markdown.mebibytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's section on scale-out: the drains by several workers in one consumer group,
 * their rate, per-event costs and assignment, and whether they left the same rows.
 */
final class ScaleOutSection {

	private final List<ScaleOutResult> runs;

	private final int cores;

	/**
	 * @param runs the drains, the reference (whose rows the others are compared with)
	 * first
	 * @param cores the cores of the machine they ran on
	 */
	ScaleOutSection(List<ScaleOutResult> runs, int cores) {
		this.runs = runs;
		this.cores = cores;
	}

	void render(Markdown markdown) {
		if (this.runs.isEmpty()) {
			return;
		}
		int reference = this.runs.get(0).workers();
		markdown.heading(2, "Scale-out: several workers in one consumer group");
		markdown.paragraph("""
				For each number of workers: a fresh database and a fresh consumer group, that many worker jars \
				(the same JVM options and settings as above) started at the same time in the group, over the \
				same pre-loaded topics, timed as the drain in section 1 is (from the first reading of \
				`ConsumerOffsets` that shows records committed to the first that shows all of them). The \
				partitions each worker held are the broker's assignment at the end of the drain \
				(`describeConsumerGroups`), each member matched to its worker by the partitions the worker's \
				own freshness gauge lists; its events are those its counters counted, whatever the outcome \
				(a worker that held partitions before a rebalance counted them too). Worker CPU per event sums \
				every worker of the group; PostgreSQL's counts the backends of the run's database. "The same, \
				second half" is worker / PostgreSQL CPU per event from the reading that shows half the events \
				committed to the end: each JVM compiles its hot code early in the drain, so a short drain \
				charges that once per worker. The final \
				rows are compared with those of the %d-worker run, table by table: every row as JSON without \
				its ingestion time, hashed, the hashes summed per table.
				""".formatted(reference));
		markdown.paragraph("""
				This machine has %d cores: the workers, the broker and PostgreSQL share them, so more workers \
				here compete for the same cores and the rate cannot grow with them. What transfers to a larger \
				machine is the cost per event (worker and PostgreSQL CPU) and the assignment; \
				docs/operations/scaling.md turns them into a sizing rule.
				""".formatted(this.cores));
		markdown.table(List.of("workers", "events/s", "seconds", "worker CPU / event (all workers)",
				"PostgreSQL CPU / event", "the same, second half", "whole machine CPU", "consumers holding partitions",
				"final rows as with " + reference + " worker" + ((reference == 1) ? "" : "s"), "load average at end"),
				runRows());
		markdown.paragraph("Each worker:");
		markdown.table(List.of("workers in the group", "worker", "partitions held", "events", "CPU",
				"CPU / event of its own", "peak heap", "peak RSS"), workerRows());
	}

	List<List<String>> runRows() {
		List<List<String>> rows = new ArrayList<>();
		for (ScaleOutResult run : this.runs) {
			GroupAssignment group = run.group();
			rows.add(List.of(Integer.toString(run.workers()), count(run.rate()), decimal(run.seconds()),
					micros(run.workerMicrosPerEvent()), micros(run.postgresMicrosPerEvent()),
					micros(run.secondHalf().workerMicros()) + " / " + micros(run.secondHalf().postgresMicros()),
					decimal(run.machineCores()),
					group.busyMembers() + " of " + group.members().size() + " (" + group.assignor() + ")",
					sameRows(run), decimal(run.loadAverage())));
		}
		return rows;
	}

	List<List<String>> workerRows() {
		List<List<String>> rows = new ArrayList<>();
		for (ScaleOutResult run : this.runs) {
			for (ScaleOutResult.WorkerShare share : run.shares()) {
				double micros = share.cpuCores() * run.seconds() * 1e6 / Math.max(1, share.events());
				rows.add(List.of(Integer.toString(run.workers()), share.name(), partitions(share.partitions()),
						count(share.events()), decimal(share.cpuCores()), (share.events() > 0) ? micros(micros) : "n/a",
						mebibytes(share.peakHeap()), mebibytes(share.peakResident())));
			}
		}
		return rows;
	}

	private static String sameRows(ScaleOutResult run) {
		if (run.differingTables() == null) {
			return "(the reference)";
		}
		return run.differingTables().isEmpty() ? "identical, all " + Tables.ALL.size() + " tables"
				: "**no**: " + String.join(", ", run.differingTables()) + " differ";
	}

	/**
	 * The number of partitions, then their numbers by topic:
	 * {@code 6: activities 0, instances 0, …}.
	 */
	static String partitions(List<String> partitions) {
		if (partitions.isEmpty()) {
			return "none";
		}
		Map<String, List<String>> byTopic = new TreeMap<>();
		for (String partition : partitions) {
			int dash = partition.lastIndexOf('-');
			String topic = partition.substring(0, dash).replaceFirst("^workflow\\.", "");
			byTopic.computeIfAbsent(topic, (key) -> new ArrayList<>()).add(partition.substring(dash + 1));
		}
		List<String> parts = new ArrayList<>();
		byTopic.forEach((topic, numbers) -> parts.add(topic + " " + String.join("+", numbers)));
		return partitions.size() + ": " + String.join(", ", parts);
	}

	private static String micros(double value) {
		return String.format(Locale.ROOT, "%.1f µs", value);
	}

}

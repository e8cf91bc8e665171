package io.workflowpersistence.bench;

import static io.workflowpersistence.bench.Markdown.count;
import static io.workflowpersistence.bench.Markdown.millis;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's table of the latency run's slow seconds and what happened in or just
 * before each.
 */
final class LatencySpikeSection {

	private static final int MOST_ROWS = 60;

	private final LatencyRun.Result latency;

	LatencySpikeSection(LatencyRun.Result latency) {
		this.latency = latency;
	}

	void render(Markdown markdown) {
		markdown.heading(3, "Slow seconds and what happened then");
		List<Double> p99 = this.latency.latencies().p99BySecond();
		long overP99 = p99.stream().filter((value) -> value > LatencySpikes.THRESHOLD_MILLIS).count();
		long overMax = this.latency.latencies()
			.maxBySecond()
			.stream()
			.filter((value) -> value > LatencySpikes.THRESHOLD_MILLIS)
			.count();
		markdown.paragraph("""
				Of the %d seconds measured, %d had a p99 over %s and %d a slowest record over it (the target: \
				p99 ≤ 250 ms over the run, no second over 500 ms). What happened was watched meanwhile: the \
				worker's garbage collection pauses (a flight recording with JFR's `default` settings, \
				`jdk.GarbageCollection`), its consumer group's rebalances (its log: partitions revoked or \
				assigned), and, every 100 ms, the statements of its database's backends running for over \
				100 ms (the instance-count compaction, the tombstone purge, autovacuum workers, a batch waiting \
				for a lock), with every second the checkpoints that ended (`pg_stat_bgwriter`, their write and \
				sync time giving their start) and the autovacuums and autoanalyses that finished \
				(`pg_stat_user_tables`). A slow second lists what overlapped the time from one second before \
				its records were sent to the commit of its slowest record, at most 2 s after the second; one \
				whose fastest record took over 500 ms too is marked as a backlog, a queue every record waited \
				in rather than a stall of some.
				""".formatted(p99.size(), overP99, millis(LatencySpikes.THRESHOLD_MILLIS), overMax));
		List<String> all = LatencySpikes.causes(this.latency.happenings());
		markdown.paragraph("Everything seen from the start of the measured time until the worker caught up: "
				+ (all.isEmpty() ? "nothing." : String.join("; ", all) + "."));
		List<LatencySpikes.Spike> spikes = this.latency.spikes();
		if (spikes.isEmpty()) {
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		for (LatencySpikes.Spike spike : spikes.subList(0, Math.min(MOST_ROWS, spikes.size()))) {
			rows.add(List.of(Integer.toString(spike.second()), millis(spike.p99()), millis(spike.max()),
					spike.causes().isEmpty() ? "nothing seen" : String.join("; ", spike.causes())));
		}
		markdown.table(List.of("second", "p99", "max", "cause(s) seen"), rows);
		if (spikes.size() > MOST_ROWS) {
			markdown.paragraph("…and %s more slow seconds.".formatted(count(spikes.size() - MOST_ROWS)));
		}
	}

}

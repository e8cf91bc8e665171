package io.workflowpersistence.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seconds of a latency measurement whose records were slow (p99 or max above a
 * threshold), each with what happened in or just before it: from a second before the
 * records were sent to the moment the slowest of them was committed, but no more than
 * {@link #AFTER_MILLIS} after the second (records minutes late wait for a backlog, which
 * what happened minutes later did not cause).
 */
final class LatencySpikes {

	/**
	 * A second is a spike when its p99 or its max is above this.
	 */
	static final double THRESHOLD_MILLIS = 500;

	static final double AFTER_MILLIS = 2_000;

	private LatencySpikes() {
	}

	/**
	 * The spikes among the seconds, in order.
	 * @param latencies the latencies of the records sent in each second
	 * @param measureFromNanos the start of second 0
	 * @param happenings what happened meanwhile
	 */
	static List<Spike> find(LatencyRun.Latencies latencies, long measureFromNanos, List<Happening> happenings) {
		List<Double> p99 = latencies.p99BySecond();
		List<Double> max = latencies.maxBySecond();
		List<Spike> spikes = new ArrayList<>();
		for (int second = 0; second < p99.size(); second++) {
			if (p99.get(second) <= THRESHOLD_MILLIS && max.get(second) <= THRESHOLD_MILLIS) {
				continue;
			}
			long from = measureFromNanos + (second - 1) * 1_000_000_000L;
			long to = measureFromNanos + (second + 1) * 1_000_000_000L
					+ (long) (Math.min(max.get(second), AFTER_MILLIS) * 1e6);
			List<Happening> seen = happenings.stream().filter((happening) -> happening.overlaps(from, to)).toList();
			List<String> causes = new ArrayList<>();
			double fastest = latencies.minBySecond().get(second);
			if (fastest > THRESHOLD_MILLIS) {
				// Not a stall of some records but a queue that all of them waited in.
				causes.add("backlog: even its fastest record took " + Markdown.millis(fastest));
			}
			causes.addAll(causes(seen));
			spikes.add(new Spike(second, p99.get(second), max.get(second), causes));
		}
		return spikes;
	}

	/**
	 * What happened, summed by kind in the order first seen: e.g.
	 * {@code GC pause (G1 Evacuation Pause) ×2, 84 ms in all, longest 61 ms}.
	 */
	static List<String> causes(List<Happening> happenings) {
		Map<String, List<Happening>> byKind = new LinkedHashMap<>();
		happenings.stream()
			.sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos()))
			.forEach((happening) -> byKind.computeIfAbsent(happening.what(), (what) -> new ArrayList<>())
				.add(happening));
		List<String> causes = new ArrayList<>();
		byKind.forEach((what, all) -> {
			double total = all.stream().mapToDouble(Happening::millis).sum();
			double longest = all.stream().mapToDouble(Happening::millis).max().orElse(0);
			if (all.size() == 1) {
				causes.add((longest > 0) ? what + ", " + Markdown.millis(longest) : what);
			}
			else {
				causes.add(what + " ×" + all.size() + ", " + Markdown.millis(total) + " in all, longest "
						+ Markdown.millis(longest));
			}
		});
		return causes;
	}

	/**
	 * A slow second.
	 *
	 * @param second the second of the measured time the records were sent in, from 0
	 * @param p99 their p99, ms
	 * @param max their max, ms
	 * @param causes what happened in or just before it, summed by kind
	 */
	record Spike(int second, double p99, double max, List<String> causes) {
	}

}

package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

/**
 * How far a rebuild has read: per partition the offset it started at, the end it reads up
 * to and where it is, summed per topic, with the rate since the start and the time left
 * at that rate. Readers of different partitions update it concurrently.
 */
final class RebuildProgress {

	private final Map<TopicPartition, Span> spans = new ConcurrentHashMap<>();

	private final long started = System.nanoTime();

	void track(TopicPartition partition, long start, long end) {
		this.spans.put(partition, new Span(start, end, start));
	}

	/**
	 * Moves the end a partition is read up to (a catch-up round).
	 */
	void extend(TopicPartition partition, long end) {
		this.spans.computeIfPresent(partition,
				(key, span) -> new Span(span.start(), Math.max(span.end(), end), span.position()));
	}

	void moved(TopicPartition partition, long position) {
		this.spans.computeIfPresent(partition, (key, span) -> new Span(span.start(), span.end(), position));
	}

	long done() {
		return this.spans.values().stream().mapToLong(Span::done).sum();
	}

	long total() {
		return this.spans.values().stream().mapToLong(Span::total).sum();
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.started);
	}

	double rate() {
		double seconds = elapsed().toNanos() / 1e9;
		return (seconds > 0) ? done() / seconds : 0;
	}

	/**
	 * One line for a terminal, rewritten in place: overall figures, then each topic's
	 * share done.
	 */
	String terminalLine() {
		long done = done();
		long total = total();
		String topics = perTopic().entrySet()
			.stream()
			.map((topic) -> shortName(topic.getKey()) + " " + percent(topic.getValue()[0], topic.getValue()[1]))
			.collect(Collectors.joining("  "));
		return String.format("%s %,d/%,d records  %,.0f/s  ETA %s | %s", percent(done, total), done, total, rate(),
				eta(done, total), topics);
	}

	/**
	 * One line for a log: overall figures, then each topic's records done of its total.
	 */
	String logLine() {
		long done = done();
		long total = total();
		String topics = perTopic().entrySet()
			.stream()
			.map((topic) -> String.format("%s %,d/%,d", topic.getKey(), topic.getValue()[0], topic.getValue()[1]))
			.collect(Collectors.joining(", "));
		return String.format("Rebuild: %,d of %,d records (%s), %,.0f records/s, ETA %s; %s", done, total,
				percent(done, total), rate(), eta(done, total), topics);
	}

	private Map<String, long[]> perTopic() {
		Map<String, long[]> topics = new TreeMap<>();
		this.spans.forEach((partition, span) -> {
			long[] sums = topics.computeIfAbsent(partition.topic(), (topic) -> new long[2]);
			sums[0] += span.done();
			sums[1] += span.total();
		});
		return topics;
	}

	private String eta(long done, long total) {
		double rate = rate();
		if (done >= total) {
			return "0s";
		}
		if (rate <= 0) {
			return "unknown";
		}
		return Durations.format(Duration.ofSeconds((long) Math.ceil((total - done) / rate)));
	}

	private static String percent(long done, long total) {
		return (total == 0) ? "100%" : String.format("%d%%", (long) Math.floor(100.0 * done / total));
	}

	// The part after the last dot: "instances" for "workflow.instances".
	private static String shortName(String topic) {
		int dot = topic.lastIndexOf('.');
		return (dot >= 0 && dot < topic.length() - 1) ? topic.substring(dot + 1) : topic;
	}

	private record Span(long start, long end, long position) {

		long done() {
			return Math.max(0, Math.min(this.position, this.end) - this.start);
		}

		long total() {
			return Math.max(0, this.end - this.start);
		}

	}

}

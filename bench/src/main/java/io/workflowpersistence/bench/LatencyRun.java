package io.workflowpersistence.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.workflowpersistence.bench.CommitObserver.Commit;
import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.SimulatorPublisher;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.simulator.SimulatorTopics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * End-to-end latency at a steady offered load: the worker jar consumes topics of its own
 * while the benchmark publishes a simulated engine's events to them at a fixed rate, for
 * a warm-up and then for the measured time. The latency of a record is from the moment it
 * was handed to the Kafka producer to the moment its partition's position in the
 * database, written in the same transaction as its row, was first seen past it (polled
 * every 5 ms, so it is over-stated by up to that much). Meanwhile it records the worker's
 * garbage collections and watches its database, to say what happened in the slow seconds.
 */
final class LatencyRun {

	static final String PREFIX = "bench.latency.";

	private final Setup setup;

	LatencyRun(Setup setup) {
		this.setup = setup;
	}

	Result run() throws Exception {
		BenchOptions options = this.setup.options();
		List<String> topics = SimulatorTopics.ALL.stream().map((topic) -> PREFIX + topic).toList();
		try (Admin admin = this.setup.kafka().admin()) {
			admin
				.createTopics(topics.stream()
					.map((topic) -> new NewTopic(topic, Optional.of(EventLoad.PARTITIONS), Optional.empty()))
					.toList())
				.all()
				.get(60, TimeUnit.SECONDS);
		}
		DatabaseInfo database = Databases.empty("bench_latency");
		String group = "bench-latency-" + System.currentTimeMillis();
		Map<String, String> environment = new HashMap<>(
				WorkerJar.environment(this.setup.kafka().bootstrapServers(), database, group));
		environment.put("WORKER_INGEST_TOPICS", String.join(",", topics));
		// Another seed than the pre-loaded events: other instances, other ids.
		SimulatorSettings settings = BenchSimulation.settings(options.seed() + 1);
		long measured = TimeUnit.SECONDS.toNanos(options.latencySeconds());
		Path recording = this.setup.directory().resolve("latency.jfr");
		Path log = this.setup.directory().resolve("latency.log");
		List<String> jvm = new ArrayList<>(options.workerJvmOptions());
		jvm.addAll(WorkerEvents.recordingOptions(recording));
		try (WorkerJar worker = WorkerJar.start(options.workerJar(), jvm, environment, log);
				Connection connection = Databases.connect(database);
				DatabaseActivity activity = new DatabaseActivity(database);
				CommitObserver observer = new CommitObserver(connection, group, 5);
				ResourceSampler resources = new ResourceSampler(worker.pid(),
						Map.of("worker", worker.pid(), "Kafka broker", this.setup.kafka().pid()),
						() -> WorkerJar.sum(worker.metrics(), "jvm_memory_used_bytes", "area=\"heap\""), database);
				Producer<byte[], byte[]> producer = new KafkaProducer<>(
						SimulatorPublisher.producerSettings(this.setup.kafka().bootstrapServers()))) {
			SteadyPublisher publisher = new SteadyPublisher(producer, options.latencyRate());
			long started = System.nanoTime();
			long measureFrom = started + options.latencyWarmUp().toNanos();
			long sent = publisher.publish(new EngineSimulator(settings).iterator(), (topic) -> PREFIX + topic,
					options.latencyWarmUp().toNanos() + measured);
			long publishedUntil = System.nanoTime();
			long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
			while (observer.applied() < sent) {
				worker.process().checkAlive();
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The worker applied only " + observer.applied() + " of " + sent
							+ " records ten minutes after the load stopped");
				}
				WorkerJar.sleep(20);
			}
			long caughtUp = System.nanoTime();
			Latencies latencies = latencies(observer.commits(), publisher, measureFrom);
			ResourceSampler.Usage usage = resources.usage(measureFrom, publishedUntil);
			double offered = latencies.micros().getTotalCount() / ((publishedUntil - measureFrom) / 1e9);
			worker.close();
			List<Happening> happenings = new ArrayList<>(activity.happenings());
			WorkerEvents.Clock clock = WorkerEvents.Clock.now();
			happenings.addAll(WorkerEvents.gcPauses(recording, clock));
			happenings.addAll(WorkerEvents.rebalances(log, clock));
			List<LatencySpikes.Spike> spikes = LatencySpikes.find(latencies, measureFrom, happenings);
			Databases.drop(database);
			return new Result(options.latencyRate(), offered, latencies, usage, (caughtUp - publishedUntil) / 1e9,
					spikes,
					happenings.stream().filter((happening) -> happening.overlaps(measureFrom, caughtUp)).toList());
		}
	}

	/**
	 * The latencies of the records sent from {@code measureFrom} on: all of them, and by
	 * the second they were sent in.
	 */
	private static Latencies latencies(List<Commit> commits, SteadyPublisher publisher, long measureFrom) {
		Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
		Map<Integer, Histogram> bySecond = new TreeMap<>();
		for (Commit commit : commits) {
			for (long offset = commit.from(); offset < commit.to(); offset++) {
				long sentAt = publisher.sentAt(commit.partition(), offset);
				if (sentAt >= measureFrom) {
					long micros = Math.max(0, (commit.nanos() - sentAt) / 1_000);
					all.recordValue(micros);
					bySecond
						.computeIfAbsent((int) ((sentAt - measureFrom) / 1_000_000_000L),
								(second) -> new Histogram(TimeUnit.MINUTES.toMicros(10), 2))
						.recordValue(micros);
				}
			}
		}
		List<Double> p50 = new ArrayList<>();
		List<Double> p99 = new ArrayList<>();
		List<Double> max = new ArrayList<>();
		List<Double> min = new ArrayList<>();
		bySecond.values().forEach((second) -> {
			p50.add(second.getValueAtPercentile(50) / 1000.0);
			p99.add(second.getValueAtPercentile(99) / 1000.0);
			max.add(second.getMaxValue() / 1000.0);
			min.add(second.getMinValue() / 1000.0);
		});
		return new Latencies(all, p50, p99, max, min);
	}

	/**
	 * The latencies of the measured records, in microseconds, and the median, 99th
	 * percentile, maximum and minimum of those sent in each second, in milliseconds.
	 */
	record Latencies(Histogram micros, List<Double> p50BySecond, List<Double> p99BySecond, List<Double> maxBySecond,
			List<Double> minBySecond) {
	}

	/**
	 * Latency at a steady load.
	 *
	 * @param rate the offered load asked for, events per second
	 * @param offered the load actually offered in the measured time
	 * @param latencies the latencies of the records sent in the measured time
	 * @param usage what the worker used meanwhile
	 * @param catchUpSeconds how long after the load stopped the last record was committed
	 * @param spikes the seconds whose p99 or max was over 500 ms, with what happened then
	 * @param happenings everything seen happen from the start of the measured time until
	 * the worker caught up (GC pauses, checkpoints, autovacuum, long statements,
	 * rebalances)
	 */
	record Result(int rate, double offered, Latencies latencies, ResourceSampler.Usage usage, double catchUpSeconds,
			List<LatencySpikes.Spike> spikes, List<Happening> happenings) {

		Histogram micros() {
			return this.latencies.micros();
		}

		double percentileMillis(double percentile) {
			return micros().getValueAtPercentile(percentile) / 1000.0;
		}

		double maxMillis() {
			return micros().getMaxValue() / 1000.0;
		}

	}

}

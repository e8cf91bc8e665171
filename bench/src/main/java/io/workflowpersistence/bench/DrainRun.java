package io.workflowpersistence.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * One drain of the pre-loaded topics by the worker jar: a fresh database and a fresh
 * consumer group, progress read from the group's positions in the database every 100 ms
 * (the positions are written in the transaction that applies the records, so they count
 * what is committed), resources twice a second.
 */
final class DrainRun {

	private static final Duration SAMPLING = Duration.ofMillis(100);

	private final Setup setup;

	DrainRun(Setup setup) {
		this.setup = setup;
	}

	/**
	 * Runs the worker until the database reflects every record, then stops it.
	 * @param run the number of the run, from 1
	 * @param profile whether to record the run with Java Flight Recorder
	 */
	DrainResult run(int run, boolean profile) throws SQLException {
		DatabaseInfo database = Databases.empty("bench_drain");
		String group = "bench-drain-" + run + "-" + System.currentTimeMillis();
		Path recording = this.setup.directory().resolve("drain-" + run + ".jfr");
		List<String> jvm = new ArrayList<>(this.setup.options().workerJvmOptions());
		if (profile) {
			jvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
			jvm.add("-XX:FlightRecorderOptions=stackdepth=96");
		}
		long total = this.setup.events();
		try (Connection connection = Databases.connect(database);
				ProgressSampler progress = new ProgressSampler("drain-progress", Tables.positions(connection, group),
						SAMPLING)) {
			WorkerJar worker = WorkerJar.start(this.setup.options().workerJar(), jvm,
					WorkerJar.environment(this.setup.kafka().bootstrapServers(), database, group),
					this.setup.directory().resolve("drain-" + run + ".log"));
			try (worker;
					ResourceSampler resources = new ResourceSampler(worker.pid(),
							Map.of("worker", worker.pid(), "Kafka broker", this.setup.kafka().pid()),
							() -> WorkerJar.sum(worker.metrics(), "jvm_memory_used_bytes", "area=\"heap\""),
							database)) {
				progress.awaitAtLeast(total, this.setup.options().drainTimeout(), worker.process()::checkAlive);
				Drain drain = Drain.of(progress.samples(), total, 0.5);
				Map<String, Double> metrics = worker.metrics();
				if (metrics.isEmpty()) {
					throw new IllegalStateException(
							"Cannot read the worker's metrics; its log: " + worker.process().log());
				}
				Accounting accounting = new Accounting(total, progress.latest(),
						(long) WorkerJar.sum(metrics, "workflow_ingest_events_total", "outcome=\"applied\""),
						(long) WorkerJar.sum(metrics, "workflow_ingest_events_total", "outcome=\"stale\""),
						(long) WorkerJar.sum(metrics, "workflow_ingest_events_total", "outcome=\"dead_lettered\""),
						(long) WorkerJar.sum(metrics, "workflow_ingest_kafka_tombstones_total"),
						Tables.count(database));
				Batches batches = new Batches((long) WorkerJar.sum(metrics, "workflow_ingest_batch_size_count"),
						WorkerJar.sum(metrics, "workflow_ingest_batch_size_sum"),
						WorkerJar.sum(metrics, "workflow_ingest_batch_apply_seconds_sum"));
				ResourceSampler.Usage usage = resources.usage(drain.startNanos(), drain.endNanos());
				worker.close();
				return new DrainResult(run, database, drain, usage, accounting, batches, profile ? recording : null);
			}
		}
	}

	/**
	 * Where every published record went.
	 *
	 * @param published the records in the topics
	 * @param positions the sum of the group's positions in the database
	 * @param applied events the worker counted as applied
	 * @param stale events it counted as older than or equal to what was stored
	 * @param deadLettered records it sent to the dead-letter topics
	 * @param tombstones Kafka tombstones it skipped
	 * @param rows the rows of each table afterwards
	 */
	record Accounting(long published, long positions, long applied, long stale, long deadLettered, long tombstones,
			Map<String, Long> rows) {

		long counted() {
			return this.applied + this.stale + this.deadLettered + this.tombstones;
		}

		/**
		 * Whether every published record is reflected in the positions and counted once
		 * with an outcome.
		 */
		boolean complete() {
			return this.positions == this.published && counted() == this.published;
		}

	}

	/**
	 * One drain.
	 *
	 * @param run the number of the run
	 * @param database the database it filled
	 * @param drain how fast
	 * @param usage what it used
	 * @param accounting where the records went
	 * @param batches the worker's batches
	 * @param recording the flight recording, or {@code null}
	 */
	record DrainResult(int run, DatabaseInfo database, Drain drain, ResourceSampler.Usage usage, Accounting accounting,
			Batches batches, Path recording) {
	}

	/**
	 * The batches the worker applied, from its metrics: each is one poll and one
	 * transaction.
	 *
	 * @param count the batches
	 * @param records the records in them
	 * @param applySeconds the time spent applying them (parsing, writing, committing),
	 * summed over the consumer threads
	 */
	record Batches(long count, double records, double applySeconds) {

		double meanRecords() {
			return this.records / Math.max(1, this.count);
		}

		double meanApplyMillis() {
			return this.applySeconds * 1000 / Math.max(1, this.count);
		}

	}

}

package io.workflowpersistence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerEventsTests {

	@Test
	void rebalancesAreReadFromTheListenerContainersLogLinesAtTheirTimes(@TempDir Path directory) throws IOException {
		Path log = directory.resolve("latency.log");
		Files.write(log, List.of(
				"2026-12-06T18:30:00.100Z  INFO 7 --- [worker] [main] o.s.b.StartupInfoLogger : Started",
				"2026-12-06T18:30:01.250Z  INFO 7 --- [worker] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer"
						+ " : bench-latency-1: partitions assigned: [bench.latency.workflow-instances-0]",
				"\tat some.stack.Frame(Frame.java:1) partitions revoked",
				"2026-12-06T18:31:00.000Z  INFO 7 --- [worker] [ntainer#0-1-C-1] o.s.k.l.KafkaMessageListenerContainer"
						+ " : bench-latency-1: partitions revoked: [bench.latency.workflow-instances-1]"));
		WorkerEvents.Clock clock = new WorkerEvents.Clock(Instant.parse("2026-12-06T18:30:00Z"), 1_000_000_000L);

		List<Happening> rebalances = WorkerEvents.rebalances(log, clock);

		assertThat(rebalances).containsExactly(
				new Happening("rebalance: partitions assigned", 2_250_000_000L, 2_250_000_000L),
				new Happening("rebalance: partitions revoked", 61_000_000_000L, 61_000_000_000L));
	}

	@Test
	void gcPausesAreReadFromAFlightRecording(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("gc.jfr");
		long before = System.nanoTime();
		try (Recording recording = new Recording()) {
			recording.enable("jdk.GarbageCollection");
			recording.enable("jdk.GCCPUTime");
			recording.start();
			System.gc();
			recording.stop();
			recording.dump(file);
		}
		long after = System.nanoTime();

		List<Happening> pauses = WorkerEvents.gcPauses(file, WorkerEvents.Clock.now());

		assertThat(pauses).anySatisfy((pause) -> {
			assertThat(pause.what()).startsWith("GC pause (").contains("System.gc()");
			assertThat(pause.endNanos()).isGreaterThan(pause.startNanos());
			// Wall-clock and monotonic clocks agree to well within a second.
			assertThat(pause.startNanos()).isBetween(before - 1_000_000_000L, after + 1_000_000_000L);
		});
	}

	@Test
	void timesBeforeTheClocksReadingComeOutEarlier() {
		WorkerEvents.Clock clock = new WorkerEvents.Clock(Instant.parse("2026-12-06T18:30:00.500Z"), 10_000_000_000L);

		assertThat(clock.nanos(Instant.parse("2026-12-06T18:29:59.750Z"))).isEqualTo(9_250_000_000L);
	}

	@Test
	void aStatementIsNamedByTheWorkersJobItBelongsTo() {
		assertThat(DatabaseActivity.describe("client backend", """
				WITH alone AS (
				    SELECT pg_try_advisory_xact_lock('InstanceCountDeltas'::regclass::oid::bigint) AS locked
				)""", null, null)).isEqualTo("instance-count compaction");
		assertThat(DatabaseActivity.describe("client backend",
				"DELETE FROM Tombstones WHERE DeletedAt < now() - make_interval(secs => $1)", "Lock", "transactionid"))
			.isEqualTo("tombstone purge (waiting for a lock: transactionid)");
		assertThat(DatabaseActivity.describe("autovacuum worker", "autovacuum: VACUUM public.bookmarks", null, null))
			.isEqualTo("autovacuum: VACUUM public.bookmarks");
		assertThat(DatabaseActivity.describe("client backend", "INSERT INTO Bookmarks (Id, Hash)\n VALUES ($1, $2)",
				null, null))
			.isEqualTo("statement over 100 ms: INSERT INTO Bookmarks (Id, Hash) VALUES ($1, $2)…");
	}

}

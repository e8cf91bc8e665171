package io.workflowpersistence.worker.replay;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.worker.retention.RetentionCommand;
import io.workflowpersistence.worker.testing.TableSnapshot;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.workflowpersistence.worker.replay.ReplayTesting.KAFKA;
import static io.workflowpersistence.worker.replay.ReplayTesting.applied;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep in chunks while a live worker ingests, on a real broker and PostgreSQL: the
 * sweep removes every expired instance with its children, ingestion goes on during the
 * sweep without a long pause, and nothing that ingestion wrote is lost.
 */
class RetentionUnderLoadIntegrationTests {

	private static final String RUN = ReplayTesting.run("retentionload");

	private static final String GROUP = RUN + "-live";

	private static final List<String> TOPICS = ReplayTesting.topics(RUN);

	private static final int EXPIRED = 20_000;

	// Finished instances 60 days ago, ten activity records and a bookmark each, written
	// as an old database would hold them.
	private static final String PRELOAD = """
			WITH inserted AS (
			    INSERT INTO WorkflowInstances (Id, DefinitionId, Status, FinishedAt, EventVersion)
			    SELECT 'old-' || n, 'def-old', 'Finished', now() - interval '60 days' - n * interval '1 second', 2
			    FROM generate_series(1, :count) n
			    RETURNING Id
			),
			activities AS (
			    INSERT INTO ActivityExecutionRecords (Id, WorkflowInstanceId, ActivityId, Status, EventVersion)
			    SELECT i.Id || '-a' || a, i.Id, 'A' || a, 'Completed', 1 FROM inserted i, generate_series(1, 10) a
			)
			INSERT INTO Bookmarks (Id, WorkflowInstanceId, Hash, EventVersion)
			SELECT Id || '-b', Id, 'H', 1 FROM inserted
			""";

	@Test
	void aSweepInChunksRemovesTheExpiredInstancesWhileIngestionGoesOn() throws Exception {
		DatabaseInfo database = TestDatabase.server().migratedDatabase("retention_load");
		JdbcClient jdbc = JdbcClient.create(database.dataSource());
		jdbc.sql(PRELOAD).param("count", EXPIRED).update();
		List<ProducerRecord<byte[], byte[]>> stream = ReplayTesting.simulated(RUN,
				SimulatorSettings.defaults().withSeed(11).withInstances(8000));
		KAFKA.send(stream);
		List<String> settings = new ArrayList<>(ReplayTesting.settings(database, GROUP, TOPICS));

		try (LiveWorker worker = LiveWorker.start(database, GROUP, TOPICS, false)) {
			ReplayTesting.eventually().until(() -> applied(database, GROUP) > 0);
			settings.add("--worker.retention.finished-instances=30d");
			settings.add("--worker.retention.chunk-size=200");
			CompletableFuture<String> sweep = CompletableFuture.supplyAsync(() -> retention(settings));
			// The sweep runs from the first expired instance removed to the last.
			Progress progress = new Progress();
			while (!sweep.isDone()) {
				Thread.sleep(50);
				progress.observe(expiredLeft(jdbc), applied(database, GROUP), stream.size());
			}
			progress.observe(expiredLeft(jdbc), applied(database, GROUP), stream.size());
			String output = sweep.get();
			ReplayTesting.eventually().until(() -> applied(database, GROUP) == stream.size());
			System.out.printf(
					"Swept %,d instances in %,d ms (%,d chunks of 200) while ingesting %,d of %,d records; "
							+ "longest pause of ingestion during the sweep %,d ms%n",
					EXPIRED, progress.sweepMillis(), EXPIRED / 200, progress.appliedDuringSweep, stream.size(),
					progress.longestPauseMillis());

			assertThat(output).contains(String.format("Removed %,d instances, %,d activity records and %,d bookmarks",
					EXPIRED, EXPIRED * 10, EXPIRED));
			assertThat(progress.appliedDuringSweep).as("records applied while the sweep ran").isPositive();
			assertThat(progress.longestPauseMillis()).as("longest pause of ingestion during the sweep")
				.isLessThan(5_000);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM WorkflowInstances WHERE DefinitionId = 'def-old'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM ActivityExecutionRecords WHERE Id LIKE 'old-%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM WorkflowInstances").query(Long.class).single()).isPositive();
		assertThat(TableSnapshot.of(database.dataSource()).get("InstanceCountDeltas"))
			.isEqualTo(TableSnapshot.countedInstances(database.dataSource()));
	}

	private static long expiredLeft(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM WorkflowInstances WHERE DefinitionId = 'def-old'")
			.query(Long.class)
			.single();
	}

	private static String retention(List<String> settings) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
			int code = RetentionCommand.run(settings, stream, stream);
			assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Ingestion's progress while the sweep removes instances.
	 */
	private static final class Progress {

		long sweepStarted;

		long sweepEnded;

		long lastApplied = -1;

		long lastProgress;

		long longestPause;

		long appliedDuringSweep;

		void observe(long expiredLeft, long applied, long total) {
			long now = System.nanoTime();
			boolean sweeping = expiredLeft < EXPIRED && this.sweepEnded == 0;
			if (sweeping && this.sweepStarted == 0) {
				this.sweepStarted = now;
				this.lastProgress = now;
				this.lastApplied = applied;
			}
			if (sweeping && this.lastApplied < total) {
				if (applied > this.lastApplied) {
					this.appliedDuringSweep += applied - this.lastApplied;
					this.lastApplied = applied;
					this.lastProgress = now;
				}
				this.longestPause = Math.max(this.longestPause, now - this.lastProgress);
			}
			if (expiredLeft == 0 && this.sweepEnded == 0) {
				this.sweepEnded = now;
			}
		}

		long sweepMillis() {
			return TimeUnit.NANOSECONDS.toMillis(this.sweepEnded - this.sweepStarted);
		}

		long longestPauseMillis() {
			return TimeUnit.NANOSECONDS.toMillis(this.longestPause);
		}

	}

}

package io.workflowpersistence.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * The rebuild command of the worker jar ({@code java -jar worker.jar rebuild --in-place})
 * over the pre-loaded topics into a freshly migrated database, with its own consumer
 * group: progress read from that group's positions in the database as for a drain.
 */
final class RebuildRun {

	private static final String COMMAND_CLASS = "BOOT-INF/classes/io/workflowpersistence/worker/replay/ReplayCommands.class";

	private final Setup setup;

	RebuildRun(Setup setup) {
		this.setup = setup;
	}

	/**
	 * Whether the jar has the rebuild command.
	 */
	static boolean available(Path jar) {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return zip.getEntry(COMMAND_CLASS) != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	RebuildResult run(int run) throws SQLException {
		DatabaseInfo database = Databases.migrated("bench_rebuild");
		String group = "bench-rebuild-" + run + "-" + System.currentTimeMillis();
		long total = this.setup.events();
		List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
		command.addAll(this.setup.options().workerJvmOptions());
		command.addAll(List.of("-jar", this.setup.options().workerJar().toAbsolutePath().toString(), "rebuild",
				"--in-place", "--confirm-empty-tables", "--group", group));
		// The live group is another, as it would be: the rebuild reads with a group of
		// its own.
		Map<String, String> environment = WorkerJar.environment(this.setup.kafka().bootstrapServers(), database,
				"bench-live-" + run);
		long started = System.nanoTime();
		try (Connection connection = Databases.connect(database);
				ProgressSampler progress = new ProgressSampler("rebuild-progress", Tables.positions(connection, group),
						Duration.ofMillis(100));
				ChildProcess rebuild = ChildProcess.start("rebuild", command, environment,
						this.setup.directory().resolve("rebuild-" + run + ".log"))) {
			int exit = rebuild.awaitExit(this.setup.options().drainTimeout());
			double wall = (System.nanoTime() - started) / 1e9;
			if (exit != 0) {
				throw new IllegalStateException("The rebuild exited with " + exit + ":\n" + rebuild.logTail());
			}
			WorkerJar.sleep(300);
			Drain drain;
			boolean byPositions = progress.latest() >= total;
			if (byPositions) {
				drain = Drain.of(progress.samples(), total, 0.5);
			}
			else {
				// Positions kept elsewhere than this group's rows: the whole command is
				// all there is.
				drain = new Drain(total, wall, started, System.nanoTime(), List.of(), 0.5);
			}
			RebuildResult result = new RebuildResult(run, drain, wall, byPositions, Tables.count(database));
			Databases.drop(database);
			return result;
		}
	}

	/**
	 * One rebuild.
	 *
	 * @param run the number of the run
	 * @param drain how fast, from the first batch applied to the last
	 * @param wallSeconds the whole command, start-up and shut-down included
	 * @param byPositions whether the drain was timed by the group's positions (else by
	 * the whole command)
	 * @param rows the rows of each table afterwards
	 */
	record RebuildResult(int run, Drain drain, double wallSeconds, boolean byPositions, Map<String, Long> rows) {
	}

}

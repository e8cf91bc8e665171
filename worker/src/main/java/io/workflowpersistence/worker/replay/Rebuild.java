package io.workflowpersistence.worker.replay;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.workflowpersistence.worker.ingest.BatchIngestor;
import io.workflowpersistence.worker.ingest.BatchOutcome;
import io.workflowpersistence.worker.ingest.IngestProperties;
import io.workflowpersistence.worker.store.SchemaStores;
import org.apache.kafka.common.TopicPartition;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code rebuild} command: takes the rebuild lock, prepares the target, reads every
 * topic from the start (or from where an interrupted rebuild of the same schema stopped)
 * up to the end offsets taken when it starts, through live ingestion's batch path under a
 * consumer group of its own, catches up with what was published meanwhile, finishes the
 * target (the swap) and prints a summary. Longer than most classes: it is the command's
 * sequence of steps, each a method, in the order they run.
 */
final class Rebuild {

	private static final int MAX_CATCH_UP_ROUNDS = 20;

	private final CommandContext context;

	private final RebuildArguments arguments;

	private final PrintStream out;

	private final boolean terminal;

	Rebuild(CommandContext context, RebuildArguments arguments, PrintStream out, boolean terminal) {
		this.context = context;
		this.arguments = arguments;
		this.out = out;
		this.terminal = terminal;
	}

	int run() throws SQLException {
		String liveGroup = this.context.liveGroup();
		String group = (this.arguments.group() != null) ? this.arguments.group() : liveGroup + ".rebuild";
		if (group.equals(liveGroup)) {
			throw new CommandException(ReplayCommands.USAGE,
					"--group must differ from the live consumer group " + liveGroup);
		}
		ConnectionSettings database = this.context.database();
		int threads = (this.arguments.threads() != null) ? this.arguments.threads()
				: Math.max(1, this.context.listenerConcurrency());
		try (HikariDataSource admin = database.pooled("rebuild-admin", 2, null)) {
			String live = SchemaObjects.currentSchema(new JdbcTemplate(admin));
			if (this.arguments.dryRun()) {
				return new RebuildDryRun(this.context, admin, database, this.out).report(live, liveGroup, group,
						new RebuildDryRun.Start(describeTarget(live), startingPositions(admin, group)));
			}
			try (RebuildLock lock = RebuildLock.acquire(database)) {
				checkRecordsGone(admin, group);
				try (RebuildTarget target = target(admin, database, live, liveGroup, group, threads)) {
					return rebuildInto(target, group, threads);
				}
			}
		}
	}

	private int rebuildInto(RebuildTarget target, String group, int threads) {
		long started = System.nanoTime();
		try {
			this.out.println("Rebuilding " + target.describe() + " from topics " + this.context.ingest().topics()
					+ " as consumer group " + group + ", " + threads + " consumers");
			Summary summary = rebuild(target, group, threads);
			List<String> finished = target.finish(summary.positions());
			this.out.println(summary.describe(Duration.ofNanos(System.nanoTime() - started)));
			finished.forEach(this.out::println);
			return ReplayCommands.DONE;
		}
		catch (RuntimeException ex) {
			String leftBehind = target.leftBehind();
			throw new CommandException(ReplayCommands.FAILED,
					ReplayCommands.describe(ex) + (leftBehind.isEmpty() ? "" : System.lineSeparator() + leftBehind));
		}
	}

	// Before anything changes: a rebuild that would lack records runs only when asked
	// for knowingly.
	private void checkRecordsGone(DataSource admin, String group) {
		RecordsGone gone;
		try (TopicOffsets offsets = new TopicOffsets(this.context.consumer(group, "log-starts"))) {
			List<TopicPartition> partitions = offsets.partitions(this.context.ingest().topics());
			gone = RecordsGone.find(partitions, offsets.earliest(partitions), startingPositions(admin, group));
		}
		if (gone.none()) {
			return;
		}
		if (!this.arguments.allowIncomplete()) {
			throw new CommandException(ReplayCommands.INCOMPLETE, gone.refusal());
		}
		this.out.printf("Rebuilding without %,d offsets gone from the topics, as --allow-incomplete asks:%n",
				gone.offsets());
		gone.describe().forEach(this.out::println);
	}

	private Map<TopicPartition, Long> startingPositions(DataSource admin, String group) {
		return this.arguments.inPlace() ? Map.of()
				: RecordsGone.startingPositions(new JdbcTemplate(admin), this.arguments.schema(), group);
	}

	private String describeTarget(String live) {
		return this.arguments.inPlace() ? "the live tables of schema " + live + ", emptied first"
				: "a fresh schema beside the live schema " + live + ", swapped in once caught up";
	}

	private RebuildTarget target(DataSource admin, ConnectionSettings database, String live, String liveGroup,
			String group, int threads) {
		List<String> migrations = this.context.migrationLocations();
		if (this.arguments.inPlace()) {
			return new InPlaceTarget(database, live, liveGroup, group, migrations, threads + 1);
		}
		String schema = (this.arguments.schema() != null) ? this.arguments.schema() : FreshSchemaTarget.defaultSchema();
		return new FreshSchemaTarget(admin, database, new FreshSchemaTarget.Names(live, schema, liveGroup), migrations,
				threads + 1);
	}

	private Summary rebuild(RebuildTarget target, String group, int threads) {
		DataSource dataSource = target.prepare();
		IngestProperties ingest = this.context.ingest();
		List<String> deadLetterTopics = ingest.topics()
			.stream()
			.map((topic) -> topic + ingest.deadLetterSuffix())
			.toList();
		DeadLetterIndex index = DeadLetterIndex.read(this.context.consumer(group, "dead-letters"), deadLetterTopics);
		KnownDeadLetterTemplate deadLetters = new KnownDeadLetterTemplate(this.context.producerFactory(), index);
		BatchIngestor ingestor = this.context.ingestors().create(dataSource, deadLetters);
		RebuildProgress progress = new RebuildProgress();
		try (TopicOffsets offsets = new TopicOffsets(this.context.consumer(group, "offsets"));
				TopicReplay replay = new TopicReplay(this.context, ingestor, group, progress, threads)) {
			List<TopicPartition> partitions = offsets.partitions(ingest.topics());
			Map<TopicPartition, Long> ends = atLeast(offsets.ends(partitions), target.readAtLeastTo());
			replay.start(partitions, SchemaStores.on(new JdbcTemplate(dataSource)).offsets().findPositions(group));
			try (ProgressReporter reporter = new ProgressReporter(progress, this.out, this.terminal,
					this.arguments.progressInterval())) {
				replay.readUpTo(ends);
				if (target.catchesUp()) {
					catchUp(offsets, replay, partitions);
				}
			}
			return new Summary(replay.positions(), replay.read(), replay.totals(), deadLetters.known(),
					deadLetters.published());
		}
	}

	/**
	 * Reads what was published since the last round until little is left, so that live
	 * workers have little to read again after the swap; they read the rest.
	 */
	private void catchUp(TopicOffsets offsets, TopicReplay replay, List<TopicPartition> partitions) {
		for (int round = 1; round <= MAX_CATCH_UP_ROUNDS; round++) {
			Map<TopicPartition, Long> ends = offsets.ends(partitions);
			Map<TopicPartition, Long> positions = replay.positions();
			long behind = ends.entrySet()
				.stream()
				.mapToLong((end) -> Math.max(0, end.getValue() - positions.getOrDefault(end.getKey(), 0L)))
				.sum();
			if (behind <= this.arguments.catchUpLag()) {
				return;
			}
			replay.readUpTo(ends);
		}
	}

	private static Map<TopicPartition, Long> atLeast(Map<TopicPartition, Long> ends,
			Map<TopicPartition, Long> minimum) {
		Map<TopicPartition, Long> bounded = new HashMap<>(ends);
		minimum
			.forEach((partition, offset) -> bounded.computeIfPresent(partition, (key, end) -> Math.max(end, offset)));
		return bounded;
	}

	/**
	 * What a rebuild read and applied.
	 */
	record Summary(Map<TopicPartition, Long> positions, long read, BatchOutcome.Totals totals, long knownDeadLetters,
			long publishedDeadLetters) {

		String describe(Duration took) {
			double seconds = Math.max(took.toNanos() / 1e9, 0.001);
			List<String> parts = new ArrayList<>();
			parts.add(String.format("applied %,d events", this.totals.applied()));
			parts.add(String.format("%,d stale", this.totals.stale()));
			parts.add(String.format("%,d dead-lettered (%,d already in the dead-letter topics, %,d published)",
					this.totals.deadLettered(), this.knownDeadLetters, this.publishedDeadLetters));
			parts.add(String.format("%,d Kafka tombstones skipped", this.totals.kafkaTombstones()));
			return String.format("Rebuild done in %s: read %,d records (%,.0f records/s); %s.", Durations.format(took),
					this.read, this.read / seconds, String.join(", ", parts));
		}

	}

}

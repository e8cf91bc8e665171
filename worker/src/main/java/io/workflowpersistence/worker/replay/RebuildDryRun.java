package io.workflowpersistence.worker.replay;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.workflowpersistence.worker.store.SchemaStores;
import org.apache.kafka.common.TopicPartition;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code rebuild --dry-run}: what a rebuild would read (topics, partitions, offsets,
 * record counts) and where the live consumer group stands, without taking the lock or
 * writing anything.
 */
final class RebuildDryRun {

	private static final String ROW = "%-40s %9s %12s %12s %12s %14s%n";

	private final CommandContext context;

	private final DataSource admin;

	private final ConnectionSettings database;

	private final PrintStream out;

	RebuildDryRun(CommandContext context, DataSource admin, ConnectionSettings database, PrintStream out) {
		this.context = context;
		this.admin = admin;
		this.database = database;
		this.out = out;
	}

	int report(String live, String liveGroup, String group, Start start) throws SQLException {
		List<String> topics = this.context.ingest().topics();
		Map<TopicPartition, Long> livePositions = livePositions(live, liveGroup);
		this.out.println("Dry run: nothing is written.");
		this.out.println("Database: " + this.database + ", live schema " + live + ", live consumer group " + liveGroup);
		this.out.println("Target: " + start.target());
		this.out.println("Consumer group of the rebuild: " + group);
		this.out.println(runningRebuild().map((holder) -> "A rebuild is running now: " + holder)
			.orElse("No rebuild is running now."));
		this.out.println();
		this.out.printf(ROW, "TOPIC", "PARTITION", "EARLIEST", "END", "RECORDS", "LIVE POSITION");
		try (TopicOffsets offsets = new TopicOffsets(this.context.consumer(group, "dry-run"))) {
			List<TopicPartition> partitions = offsets.partitions(topics);
			Map<TopicPartition, Long> earliest = offsets.earliest(partitions);
			Map<TopicPartition, Long> ends = offsets.ends(partitions);
			long records = 0;
			for (TopicPartition partition : partitions) {
				long count = ends.get(partition) - earliest.get(partition);
				records += count;
				Long position = livePositions.get(partition);
				this.out.printf(ROW, partition.topic(), partition.partition(), earliest.get(partition),
						ends.get(partition), count, (position != null) ? position : "-");
			}
			List<String> missing = topics.stream()
				.filter((topic) -> partitions.stream().noneMatch((partition) -> partition.topic().equals(topic)))
				.toList();
			this.out.println();
			this.out.printf(
					"%d topics, %d partitions, %,d records to read (fewer where a topic is compacted or "
							+ "holds transaction markers)%n",
					topics.size() - missing.size(), partitions.size(), records);
			if (!missing.isEmpty()) {
				this.out.println("Topics that do not exist, with nothing to read: " + String.join(", ", missing));
			}
			reportRecordsGone(RecordsGone.find(partitions, earliest, start.positions()));
		}
		return ReplayCommands.DONE;
	}

	private void reportRecordsGone(RecordsGone gone) {
		if (gone.none()) {
			this.out.println("No records are gone: every partition holds its records from where the rebuild starts.");
			return;
		}
		this.out.printf(
				"Records are gone from the topics: %,d offsets of %d partitions. The rebuild refuses (exit "
						+ "code %d) unless --allow-incomplete is given:%n",
				gone.offsets(), gone.gaps().size(), ReplayCommands.INCOMPLETE);
		gone.describe().forEach(this.out::println);
	}

	private Map<TopicPartition, Long> livePositions(String live, String liveGroup) {
		JdbcTemplate jdbc = new JdbcTemplate(this.admin);
		if (!SchemaObjects.tableExists(jdbc, live, "ConsumerOffsets")) {
			return new HashMap<>();
		}
		return SchemaStores.on(jdbc).offsets().findPositions(liveGroup);
	}

	private Optional<String> runningRebuild() throws SQLException {
		try (Connection connection = this.admin.getConnection()) {
			return RebuildLock.holder(connection);
		}
	}

	/**
	 * Where the rebuild would write and where it would start reading each partition.
	 *
	 * @param target the target, for the operator
	 * @param positions the positions it starts from, the first offsets where none
	 */
	record Start(String target, Map<TopicPartition, Long> positions) {
	}

}

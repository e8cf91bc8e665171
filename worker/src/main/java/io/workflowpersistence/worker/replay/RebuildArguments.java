package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;

/**
 * The command line of {@code rebuild}.
 *
 * @param dryRun only report what a rebuild would read
 * @param inPlace rebuild the live tables, emptied first, rather than a fresh schema
 * @param schema the fresh schema to build, {@code null} for a name with the time
 * @param group the rebuild's consumer group, {@code null} for the live one's with
 * {@code .rebuild}
 * @param threads consumers reading in parallel, {@code null} for the listener concurrency
 * @param catchUpLag records left to read at most before the swap
 * @param progressInterval time between progress lines when not on a terminal
 * @param configuration the worker's settings given as arguments
 */
record RebuildArguments(boolean dryRun, boolean inPlace, String schema, String group, Integer threads, long catchUpLag,
		Duration progressInterval, List<String> configuration) {

	static final String USAGE = """
			Usage: java -jar worker.jar rebuild [options] [--spring.datasource.url=... and other settings]

			Rebuilds the database from the topics. Reads every topic of the worker from its earliest
			offset up to the end offsets taken when it starts, with the code of live ingestion and a
			consumer group of its own, shows its progress, and prints what it applied.

			By default it builds a fresh schema beside the live one, catches up with what is published
			meanwhile, and swaps it in, in one transaction: live workers go on in it from the rebuild's
			positions and the read API keeps answering. The replaced tables are kept in a schema the
			summary names.

			Options:
			  --dry-run                 report what a rebuild would read (topics, partitions, offsets,
			                            records) and where the live group stands; write nothing
			  --in-place                rebuild the live tables, emptying them first (the read API sees
			                            them fill up again); needs --confirm-empty-tables
			  --confirm-empty-tables    confirm that --in-place empties the tables
			  --schema NAME             the fresh schema to build (default: rebuild_<date>_<time>); an
			                            existing one, left by an interrupted rebuild, is resumed
			  --group ID                the rebuild's consumer group (default: <live group>.rebuild)
			  --threads N               consumers reading partitions in parallel (default: the listener
			                            concurrency)
			  --catch-up-lag N          swap once at most N records are left to read (default: 5000)
			  --progress-interval TIME  time between progress lines when not on a terminal (default: 10s)
			  --help                    this text

			Settings are the worker's (SPRING_DATASOURCE_URL, SPRING_KAFKA_BOOTSTRAP_SERVERS,
			SPRING_KAFKA_CONSUMER_GROUP_ID, WORKER_INGEST_TOPICS, ...). A rebuild creates schemas and moves
			tables: it connects as SPRING_FLYWAY_USER when set, else as SPRING_DATASOURCE_USERNAME, which
			must own the tables and may create schemas in the database.

			Exit codes: 0 done, 1 failed, 2 invalid arguments, 3 another rebuild is running.
			""";

	private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final Set<String> FLAGS = Set.of("dry-run", "in-place", "confirm-empty-tables");

	private static final Set<String> OPTIONS = Set.of("schema", "group", "threads", "catch-up-lag",
			"progress-interval");

	/**
	 * Reads the command line.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static RebuildArguments parse(List<String> args) {
		CommandLine line = CommandLine.parse(args, FLAGS, OPTIONS);
		boolean inPlace = line.has("in-place");
		if (inPlace && !line.has("dry-run") && !line.has("confirm-empty-tables")) {
			throw new IllegalArgumentException("--in-place empties the live tables before reading the topics again, "
					+ "and the read API answers from what is rebuilt so far; add --confirm-empty-tables to go ahead");
		}
		String schema = line.value("schema");
		if (schema != null && inPlace) {
			throw new IllegalArgumentException("--schema names a fresh schema; it cannot go with --in-place");
		}
		if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
			throw new IllegalArgumentException("--schema must be a lower-case name of letters, digits and "
					+ "underscores, at most 63 long, but was '" + schema + "'");
		}
		String group = line.value("group");
		if (group != null && group.isBlank()) {
			throw new IllegalArgumentException("--group must not be empty");
		}
		Integer threads = line.has("threads") ? line.positive("threads", 1) : null;
		long catchUpLag = line.has("catch-up-lag") ? line.positive("catch-up-lag", 1) : 5000;
		return new RebuildArguments(line.has("dry-run"), inPlace, schema, group, threads, catchUpLag,
				duration(line.value("progress-interval")), line.configuration());
	}

	private static Duration duration(String value) {
		if (value == null) {
			return Duration.ofSeconds(10);
		}
		try {
			Duration duration = DurationStyle.detectAndParse(value);
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException();
			}
			return duration;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"--progress-interval must be a positive duration such as 10s or 1m but was '" + value + "'");
		}
	}

}

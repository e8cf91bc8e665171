package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

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
 * @param allowIncomplete rebuild even though records it needs are gone from the topics
 * @param configuration the worker's settings given as arguments
 */
record RebuildArguments(boolean dryRun, boolean inPlace, String schema, String group, Integer threads, long catchUpLag,
		Duration progressInterval, boolean allowIncomplete, List<String> configuration) {

	/**
	 * Reads the command line.
	 * @throws ParameterException naming what is wrong
	 */
	static RebuildArguments parse(List<String> args) {
		Options options = new Options();
		CommandLine line = CommandLines.of(options);
		List<String> configuration = CommandLines.parse(line, args);
		if (options.inPlace && !options.dryRun && !options.confirmEmptyTables) {
			throw new ParameterException(line, "--in-place empties the live tables before reading the topics again, "
					+ "and the read API answers from what is rebuilt so far; add --confirm-empty-tables to go ahead");
		}
		if (options.schema != null && options.inPlace) {
			throw new ParameterException(line, "--schema names a fresh schema; it cannot go with --in-place");
		}
		return new RebuildArguments(options.dryRun, options.inPlace, options.schema, options.group, options.threads,
				options.catchUpLag, options.progressInterval, options.allowIncomplete, configuration);
	}

	/**
	 * The text of {@code rebuild --help}.
	 */
	static String usage() {
		return CommandLines.of(new Options()).getUsageMessage();
	}

	@Command(name = "rebuild",
			customSynopsis = "java -jar worker.jar rebuild [options] "
					+ "[--spring.datasource.url=... and other settings]",
			descriptionHeading = "%n",
			description = {
					"Rebuilds the database from the topics. Reads every topic of the worker from its earliest offset "
							+ "up to the end offsets taken when it starts, with the code of live ingestion and a "
							+ "consumer group of its own, shows its progress, and prints what it applied.",
					"",
					"By default it builds a fresh schema beside the live one, catches up with what is published "
							+ "meanwhile, and swaps it in, in one transaction: live workers go on in it from the "
							+ "rebuild's positions and the read API keeps answering. The replaced tables are kept in "
							+ "a schema the summary names." },
			optionListHeading = "%nOptions:%n", footerHeading = "%n",
			footer = { "Settings are the worker's (SPRING_DATASOURCE_URL, SPRING_KAFKA_BOOTSTRAP_SERVERS, "
					+ "SPRING_KAFKA_CONSUMER_GROUP_ID, WORKER_INGEST_TOPICS, ...). A rebuild creates schemas and moves "
					+ "tables: it connects as SPRING_FLYWAY_USER when set, else as SPRING_DATASOURCE_USERNAME, which "
					+ "must own the tables and may create schemas in the database.", "",
					"Exit codes: 0 done, 1 failed, 2 invalid arguments, 3 another rebuild is running, 4 records are gone "
							+ "from the topics (see --allow-incomplete)." },
			sortOptions = false, usageHelpWidth = 100)
	static final class Options {

		@Option(names = "--dry-run", description = "report what a rebuild would read (topics, partitions, offsets, "
				+ "records) and where the live group stands; write nothing")
		boolean dryRun;

		@Option(names = "--in-place", description = "rebuild the live tables, emptying them first (the read API sees "
				+ "them fill up again); needs --confirm-empty-tables")
		boolean inPlace;

		@Option(names = "--confirm-empty-tables", description = "confirm that --in-place empties the tables")
		boolean confirmEmptyTables;

		@Option(names = "--schema", paramLabel = "NAME", converter = SchemaName.class,
				description = "the fresh schema to build (default: rebuild_<date>_<time>); an existing one, left by "
						+ "an interrupted rebuild, is resumed")
		String schema;

		@Option(names = "--group", paramLabel = "ID", converter = CommandLines.NonBlank.class,
				description = "the rebuild's consumer group (default: <live group>.rebuild)")
		String group;

		@Option(names = "--threads", paramLabel = "N", converter = CommandLines.PositiveNumber.class,
				description = "consumers reading partitions in parallel (default: the listener concurrency)")
		Integer threads;

		@Option(names = "--catch-up-lag", paramLabel = "N", converter = CommandLines.PositiveNumber.class,
				description = "swap once at most N records are left to read (default: 5000)")
		int catchUpLag = 5000;

		@Option(names = "--progress-interval", paramLabel = "TIME", converter = CommandLines.PositiveDuration.class,
				description = "time between progress lines when not on a terminal (default: 10s)")
		Duration progressInterval = Duration.ofSeconds(10);

		@Option(names = "--allow-incomplete",
				description = "rebuild even though retention or a deletion of records removed records the rebuild "
						+ "would read (it refuses by default, with exit code 4, naming each partition and the "
						+ "offsets gone); the rebuilt tables then lack what those records wrote")
		boolean allowIncomplete;

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
		boolean help;

	}

	/**
	 * A name PostgreSQL takes for a schema without quoting.
	 */
	static final class SchemaName implements ITypeConverter<String> {

		private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

		@Override
		public String convert(String value) {
			if (!NAME.matcher(value).matches()) {
				throw new TypeConversionException("must be a lower-case name of letters, digits and underscores, "
						+ "at most 63 long, but was '" + value + "'");
			}
			return value;
		}

	}

}

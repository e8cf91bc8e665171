package io.workflowpersistence.worker.replay;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The command line of {@code redrive}.
 *
 * @param dryRun only list the dead letters that would be sent back
 * @param topics the dead-letter topics to read, empty for those of every topic of the
 * worker
 * @param group the consumer group recording what was sent back, {@code null} for the live
 * one's with {@code .redrive}
 * @param configuration the worker's settings given as arguments
 */
record RedriveArguments(boolean dryRun, List<String> topics, String group, List<String> configuration) {

	/**
	 * Reads the command line.
	 * @throws ParameterException naming what is wrong
	 */
	static RedriveArguments parse(List<String> args) {
		Options options = new Options();
		CommandLine line = CommandLines.of(options);
		List<String> configuration = CommandLines.parse(line, args);
		return new RedriveArguments(options.dryRun, List.copyOf(options.topics), options.group, configuration);
	}

	/**
	 * The text of {@code redrive --help}.
	 */
	static String usage() {
		return CommandLines.of(new Options()).getUsageMessage();
	}

	@Command(name = "redrive",
			customSynopsis = "java -jar worker.jar redrive [options] "
					+ "[--spring.kafka.bootstrap-servers=... and other settings]",
			descriptionHeading = "%n",
			description = "Sends dead letters back to the topic they came from, once the cause of their rejection is "
					+ "fixed: each record of a dead-letter topic, from where the last redrive stopped up to the end "
					+ "taken when it starts, is published again to its original topic and partition with its key, "
					+ "value and headers. Live workers then apply it; one rejected again goes back to the "
					+ "dead-letter topic and waits for the next redrive.",
			optionListHeading = "%nOptions:%n", footerHeading = "%n",
			footer = {
					"Settings are the worker's (SPRING_KAFKA_BOOTSTRAP_SERVERS, SPRING_KAFKA_CONSUMER_GROUP_ID, "
							+ "WORKER_INGEST_TOPICS, WORKER_INGEST_DEAD_LETTER_SUFFIX, ...).",
					"", "Exit codes: 0 done, 1 failed, 2 invalid arguments." },
			sortOptions = false, usageHelpWidth = 100)
	static final class Options {

		@Option(names = "--dry-run", description = "list the dead letters that would be sent back, with why they "
				+ "were rejected; send nothing and remember nothing")
		boolean dryRun;

		@Option(names = "--topic", paramLabel = "NAME", converter = CommandLines.NonBlank.class,
				description = "a dead-letter topic to read; repeat for several (default: <topic>.DLT of every topic "
						+ "of the worker)")
		List<String> topics = new ArrayList<>();

		@Option(names = "--group", paramLabel = "ID", converter = CommandLines.NonBlank.class,
				description = "the consumer group that remembers what was sent back (default: <live group>.redrive)")
		String group;

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
		boolean help;

	}

}

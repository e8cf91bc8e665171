package io.workflowpersistence.worker.replay;

import java.util.List;
import java.util.Set;

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

	static final String USAGE = """
			Usage: java -jar worker.jar redrive [options] [--spring.kafka.bootstrap-servers=... and other settings]

			Sends dead letters back to the topic they came from, once the cause of their rejection is
			fixed: each record of a dead-letter topic, from where the last redrive stopped up to the end
			taken when it starts, is published again to its original topic and partition with its key,
			value and headers. Live workers then apply it; one rejected again goes back to the
			dead-letter topic and waits for the next redrive.

			Options:
			  --dry-run        list the dead letters that would be sent back, with why they were
			                   rejected; send nothing and remember nothing
			  --topic NAME     a dead-letter topic to read; repeat for several (default: <topic>.DLT of
			                   every topic of the worker)
			  --group ID       the consumer group that remembers what was sent back
			                   (default: <live group>.redrive)
			  --help           this text

			Settings are the worker's (SPRING_KAFKA_BOOTSTRAP_SERVERS, SPRING_KAFKA_CONSUMER_GROUP_ID,
			WORKER_INGEST_TOPICS, WORKER_INGEST_DEAD_LETTER_SUFFIX, ...).

			Exit codes: 0 done, 1 failed, 2 invalid arguments.
			""";

	private static final Set<String> FLAGS = Set.of("dry-run");

	private static final Set<String> OPTIONS = Set.of("topic", "group");

	/**
	 * Reads the command line.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static RedriveArguments parse(List<String> args) {
		CommandLine line = CommandLine.parse(args, FLAGS, OPTIONS);
		List<String> topics = line.all("topic");
		if (topics.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("--topic must not be empty");
		}
		String group = line.value("group");
		if (group != null && group.isBlank()) {
			throw new IllegalArgumentException("--group must not be empty");
		}
		return new RedriveArguments(line.has("dry-run"), topics, group, line.configuration());
	}

}

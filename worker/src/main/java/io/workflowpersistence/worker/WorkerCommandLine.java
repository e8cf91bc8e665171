package io.workflowpersistence.worker;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.workflowpersistence.worker.replay.ReplayCommands;
import io.workflowpersistence.worker.retention.RetentionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The top level of the jar's command line: it names the command to run, or the worker
 * when it names none. Every argument of the worker must be a Spring setting
 * ({@code --name=value}), so that a mistyped command ({@code rebuld}) is refused rather
 * than taken for a worker that joins the live consumer group. Longer than most classes:
 * the command list, help, and each way a command line can be refused are one decision.
 */
final class WorkerCommandLine {

	static final int HELP = 0;

	static final int USAGE = 2;

	static final String RUN = "run";

	static final String HELP_COMMAND = "help";

	// One line each; a new command is one more entry here.
	static final List<WorkerCommand> COMMANDS = List.of(
			new WorkerCommand(RUN,
					"Run the worker: consume the topics into PostgreSQL, serve the read API "
							+ "(the default when no command is named)",
					null),
			new WorkerCommand("rebuild", "Rebuild the database from the topics, with progress shown",
					ReplayCommands::main),
			new WorkerCommand("redrive", "Send dead-lettered records back to their topics", ReplayCommands::main),
			new WorkerCommand("retention",
					"Remove finished instances past their time-to-live now, or show what would go (--dry-run)",
					RetentionCommand::main),
			new WorkerCommand("simulate", "Publish a simulated engine's events to a Kafka broker",
					WorkerApplication::simulate),
			new WorkerCommand(HELP_COMMAND, "Print this text, or a command's options: help COMMAND", null));

	private WorkerCommandLine() {
	}

	/**
	 * What the command line asks for; prints the usage when it asks for help or is wrong.
	 */
	static Choice choose(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			return new RunWorker(args);
		}
		WorkerCommand command = find(args[0]);
		if (command != null && command.main() != null) {
			return new RunCommand(command, args);
		}
		if (command != null && command.name().equals(HELP_COMMAND)) {
			return help(Arrays.copyOfRange(args, 1, args.length), out, err);
		}
		String[] settings = (command != null) ? Arrays.copyOfRange(args, 1, args.length) : args;
		return worker(settings, out, err);
	}

	private static Choice help(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			out.print(usage());
			return new Exit(HELP);
		}
		WorkerCommand command = find(args[0]);
		if (args.length == 1 && command != null && command.main() != null) {
			return new RunCommand(command, new String[] { command.name(), "--help" });
		}
		if (args.length == 1 && command != null) {
			out.print(usage());
			return new Exit(HELP);
		}
		return refuse(parse(List.of(args)), err);
	}

	private static Choice worker(String[] args, PrintStream out, PrintStream err) {
		List<String> options = Arrays.stream(args).filter((arg) -> !isSetting(arg)).toList();
		Parsed parsed = parse(options);
		if (parsed.failure() != null) {
			return refuse(parsed, err);
		}
		if (parsed.result().isUsageHelpRequested()) {
			out.print(usage());
			return new Exit(HELP);
		}
		if (parsed.result().hasSubcommand()) {
			err.println("error: the command comes first: java -jar worker.jar "
					+ parsed.result().subcommand().commandSpec().name() + " [options] [--name=value ...]");
			return new Exit(USAGE);
		}
		return new RunWorker(args);
	}

	private static Parsed parse(List<String> options) {
		CommandLine line = commandLine();
		try {
			return new Parsed(line.parseArgs(options.toArray(String[]::new)), null);
		}
		catch (ParameterException ex) {
			return new Parsed(null, ex);
		}
	}

	private static Exit refuse(Parsed parsed, PrintStream err) {
		ParameterException failure = (parsed.failure() != null) ? parsed.failure()
				: new ParameterException(commandLine(), "nothing to help with");
		err.println("error: " + describe(failure));
		String closest = Typos.closest(failure);
		if (closest != null) {
			err.println("Did you mean: " + closest + "?");
		}
		err.println();
		err.print(usage());
		return new Exit(USAGE);
	}

	private static String describe(ParameterException failure) {
		if (failure instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
				&& !unmatched.getUnmatched().get(0).startsWith("-")) {
			return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
		}
		return failure.getMessage();
	}

	/**
	 * A Spring setting: {@code --name=value}, passed on to the worker's configuration.
	 */
	private static boolean isSetting(String arg) {
		return arg.startsWith("--") && arg.indexOf('=') > 2;
	}

	private static WorkerCommand find(String name) {
		return COMMANDS.stream().filter((command) -> command.name().equals(name)).findFirst().orElse(null);
	}

	static String usage() {
		return commandLine().getUsageMessage();
	}

	private static CommandLine commandLine() {
		CommandSpec spec = CommandSpec.create().name("worker.jar");
		spec.usageMessage()
			.customSynopsis("java -jar worker.jar [COMMAND] [options] [--name=value ...]")
			.descriptionHeading("%n")
			.description("With no command, runs the worker. Settings are given the Spring Boot way, as environment "
					+ "variables (SPRING_DATASOURCE_URL, WORKER_INGEST_TOPICS, ...) or as --name=value arguments "
					+ "(--spring.datasource.url=...); docs/settings.md lists them. Without a Kafka or a PostgreSQL "
					+ "configured, worker.jar starts embedded ones and a simulated engine; worker-server.jar, the "
					+ "production jar, has none and refuses to start.")
			.optionListHeading("%nOptions:%n")
			.commandListHeading("%nCommands:%n")
			.footerHeading("%n")
			.footer("Run 'java -jar worker.jar COMMAND --help' for the options of a command.",
					"Exit codes: 0 done, 1 failed, 2 invalid arguments.")
			.width(100);
		spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Print this text").build());
		// Spring Boot's own switches, passed on to the worker as they are.
		spec.addOption(OptionSpec.builder("--debug").description("Run the worker with debug logging").build());
		spec.addOption(OptionSpec.builder("--trace").description("Run the worker with trace logging").build());
		CommandLine line = new CommandLine(spec);
		for (WorkerCommand command : COMMANDS) {
			CommandSpec commandSpec = CommandSpec.create().name(command.name());
			commandSpec.usageMessage().description(command.summary());
			// Its arguments are read by the command itself, not here.
			commandSpec.parser().unmatchedArgumentsAllowed(true);
			line.addSubcommand(command.name(), new CommandLine(commandSpec));
		}
		return line;
	}

	/**
	 * A command of the jar.
	 *
	 * @param name how the command line names it
	 * @param summary what it does, in one line
	 * @param main its entry point, given the whole command line; {@code null} for those
	 * handled here
	 */
	record WorkerCommand(String name, String summary, Consumer<String[]> main) {
	}

	/**
	 * What the command line asks for.
	 */
	sealed interface Choice permits RunWorker, RunCommand, Exit {

	}

	/**
	 * Run the worker with these Spring arguments.
	 *
	 * @param args the settings
	 */
	record RunWorker(String[] args) implements Choice {
	}

	/**
	 * Run a command with the whole command line.
	 *
	 * @param command the command
	 * @param args the command line, the command's name first
	 */
	record RunCommand(WorkerCommand command, String[] args) implements Choice {
	}

	/**
	 * Exit with this code at once; the usage is already printed.
	 *
	 * @param code the exit code
	 */
	record Exit(int code) implements Choice {
	}

	private record Parsed(ParseResult result, ParameterException failure) {
	}

}

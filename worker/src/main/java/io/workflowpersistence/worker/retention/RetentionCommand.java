package io.workflowpersistence.worker.retention;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import io.workflowpersistence.worker.replay.CommandContext;
import io.workflowpersistence.worker.replay.ReplayCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code retention} command: one sweep now, or with {@code --dry-run} what a sweep
 * would remove, with the worker's settings. Exit codes: 0 done, 1 failed, 2 invalid
 * arguments or no time-to-live set.
 */
@Command(name = "retention",
		customSynopsis = "java -jar worker.jar retention [--dry-run] "
				+ "[--spring.datasource.url=... and other settings]",
		descriptionHeading = "%n",
		description = "Removes the finished instances past their time-to-live, with their activity records and "
				+ "bookmarks, as the worker's scheduled sweep does, and records their ids so that no late or "
				+ "replayed event writes them again. Running instances are never removed.",
		optionListHeading = "%nOptions:%n", footerHeading = "%n",
		footer = {
				"Settings are the worker's (SPRING_DATASOURCE_URL, WORKER_RETENTION_FINISHED_INSTANCES, "
						+ "WORKER_RETENTION_BYSTATUS_<STATUS>, WORKER_RETENTION_CHUNK_SIZE, ...).",
				"", "Exit codes: 0 done, 1 failed, 2 invalid arguments or no time-to-live set." },
		sortOptions = false, usageHelpWidth = 100)
public final class RetentionCommand implements Callable<Integer> {

	static final int DONE = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	@Option(names = "--dry-run",
			description = "print what a sweep would remove now, by definition and status; " + "remove nothing")
	boolean dryRun;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
	boolean help;

	// The worker's settings (--spring.datasource.url=…): passed on to Spring as they are.
	@Unmatched
	List<String> settings = new ArrayList<>();

	@Spec
	CommandSpec spec;

	/**
	 * Runs the command of the command line, its name first, and exits with its code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
	}

	/**
	 * Runs the command with the given streams and returns its exit code.
	 * @param args the command line after the command's name
	 * @param out where the result goes
	 * @param err where errors go
	 * @return the exit code
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		CommandLine line = new CommandLine(new RetentionCommand());
		line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
		line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
		// As the other commands of the jar report them: the error first, then the usage.
		line.setParameterExceptionHandler((ex, parsed) -> {
			PrintWriter errors = ex.getCommandLine().getErr();
			errors.println("error: " + ex.getMessage());
			UnmatchedArgumentException.printSuggestions(ex, errors);
			errors.println();
			errors.print(ex.getCommandLine().getUsageMessage());
			errors.flush();
			return USAGE;
		});
		line.setExecutionExceptionHandler((ex, failed, parsed) -> {
			failed.getErr().println("error: " + ReplayCommands.messages(ex));
			return FAILED;
		});
		return line.execute(args.toArray(String[]::new));
	}

	@Override
	public Integer call() {
		for (String setting : this.settings) {
			if (!setting.startsWith("--") || !setting.contains("=")
					|| !setting.substring(0, setting.indexOf('=')).contains(".")) {
				throw new ParameterException(this.spec.commandLine(), "unknown option or setting '" + setting + "'");
			}
		}
		PrintWriter out = this.spec.commandLine().getOut();
		try (CommandContext context = CommandContext.start(this.settings)) {
			RetentionSweep sweep = context.bean(RetentionSweep.class);
			if (!sweep.enabled()) {
				this.spec.commandLine()
					.getErr()
					.println("error: no time-to-live is set: set WORKER_RETENTION_FINISHED_INSTANCES (e.g. 30d), "
							+ "worker.retention.by-status.<status> or worker.retention.by-definition.<id>");
				return USAGE;
			}
			if (this.dryRun) {
				out.println("Dry run: nothing is removed.");
				sweep.preview().print(out);
				return DONE;
			}
			SweepResult result = sweep.sweep();
			int purged = sweep.purgeRemovalRecords();
			out.printf(
					"Removed %,d instances, %,d activity records and %,d bookmarks in %,d chunks "
							+ "(instances by reason: %s); purged %,d old removal records.%n",
					result.instances(), result.activityRecords(), result.bookmarks(), result.chunks(),
					result.instancesByReason(), purged);
			return DONE;
		}
	}

}

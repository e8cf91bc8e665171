package io.workflowpersistence.worker.replay;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The operations commands of the worker jar, {@code rebuild} and {@code redrive}, run as
 * {@code java -jar worker.jar rebuild …}. A command starts the worker's configuration
 * without the web server and without the live listener, does its work, prints what it did
 * and ends with an exit code: {@value #DONE} done, {@value #FAILED} failed,
 * {@value #USAGE} invalid arguments, {@value #REFUSED} refused because another rebuild is
 * running, {@value #INCOMPLETE} refused because records a rebuild needs are gone from the
 * topics.
 */
public final class ReplayCommands {

	static final int DONE = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final int REFUSED = 3;

	static final int INCOMPLETE = 4;

	private ReplayCommands() {
	}

	/**
	 * Runs the command of the command line with the process's streams and exits with its
	 * code; a signal (Ctrl-C) stops a rebuild after its current batches.
	 * @param args the command line, the command first
	 */
	public static void main(String[] args) {
		Thread running = Thread.currentThread();
		Thread stopper = new Thread(() -> stop(running), "command-stop");
		Runtime.getRuntime().addShutdownHook(stopper);
		int code = run(Arrays.asList(args), System.out, System.err, System.console() != null);
		try {
			Runtime.getRuntime().removeShutdownHook(stopper);
		}
		catch (IllegalStateException ex) {
			// The JVM is already exiting on a signal; exiting again would block it.
			return;
		}
		System.exit(code);
	}

	static int run(List<String> args, PrintStream out, PrintStream err, boolean terminal) {
		String command = args.get(0);
		List<String> options = args.subList(1, args.size());
		boolean rebuild = command.equals("rebuild");
		if (options.contains("--help") || options.contains("-h")) {
			out.print(rebuild ? RebuildArguments.usage() : RedriveArguments.usage());
			return DONE;
		}
		try {
			if (rebuild) {
				RebuildArguments arguments = RebuildArguments.parse(options);
				try (CommandContext context = CommandContext.start(arguments.configuration())) {
					return new Rebuild(context, arguments, out, terminal).run();
				}
			}
			RedriveArguments arguments = RedriveArguments.parse(options);
			try (CommandContext context = CommandContext.start(arguments.configuration())) {
				return new Redrive(context, arguments, out).run();
			}
		}
		catch (ParameterException ex) {
			err.println("error: " + ex.getMessage());
			UnmatchedArgumentException.printSuggestions(ex, err);
			err.println();
			err.print(ex.getCommandLine().getUsageMessage());
			return USAGE;
		}
		catch (CommandException ex) {
			err.println("error: " + ex.getMessage());
			return ex.exitCode();
		}
		catch (Exception ex) {
			err.println("error: " + describe(ex));
			return FAILED;
		}
	}

	/**
	 * An exception and its causes as one line, each message once.
	 */
	static String describe(Throwable failure) {
		if (failure instanceof CancellationException) {
			return "stopped before the end";
		}
		return messages(failure);
	}

	/**
	 * The messages of an exception and its causes as one line, each message once, as the
	 * jar's commands report a failure.
	 * @param failure the exception
	 * @return the line
	 */
	public static String messages(Throwable failure) {
		StringBuilder description = new StringBuilder(String.valueOf(failure.getMessage()));
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !description.toString().contains(cause.getMessage())) {
				description.append(": ").append(cause.getMessage());
			}
		}
		return description.toString();
	}

	private static void stop(Thread running) {
		running.interrupt();
		try {
			running.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

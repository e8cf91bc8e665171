package io.workflowpersistence.worker.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a rebuild's progress while it runs: on a terminal one line rewritten every
 * second; otherwise, as in a log file, one plain line per interval.
 */
final class ProgressReporter implements AutoCloseable {

	private static final Duration TERMINAL_INTERVAL = Duration.ofSeconds(1);

	// Carriage return, then erase to the end of the line.
	private static final String REWRITE_LINE = "\r\u001b[K";

	private final RebuildProgress progress;

	private final PrintStream out;

	private final boolean terminal;

	private final ScheduledExecutorService scheduler;

	ProgressReporter(RebuildProgress progress, PrintStream out, boolean terminal, Duration logInterval) {
		this.progress = progress;
		this.out = out;
		this.terminal = terminal;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "rebuild-progress");
			thread.setDaemon(true);
			return thread;
		});
		long interval = (terminal ? TERMINAL_INTERVAL : logInterval).toMillis();
		this.scheduler.scheduleAtFixedRate(this::report, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void report() {
		if (this.terminal) {
			this.out.print(REWRITE_LINE + this.progress.terminalLine());
			this.out.flush();
		}
		else {
			this.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + this.progress.logLine());
		}
	}

	/**
	 * Stops reporting and shows the last state.
	 */
	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.terminal) {
			this.out.println(REWRITE_LINE + this.progress.terminalLine());
		}
		else {
			this.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + this.progress.logLine());
		}
	}

}

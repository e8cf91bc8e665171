package io.workflowpersistence.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads a count of records done (positions in the database, committed offsets) at a fixed
 * interval on a thread of its own, and keeps every reading with its time.
 */
final class ProgressSampler implements AutoCloseable {

	private final Progress progress;

	private final Duration interval;

	private final List<Sample> samples = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile Exception lastFailure;

	ProgressSampler(String name, Progress progress, Duration interval) {
		this.progress = progress;
		this.interval = interval;
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Waits until a reading reaches {@code target}.
	 * @param check called between readings; throws to give up (a process that died)
	 * @throws IllegalStateException when the target is not reached within the timeout
	 */
	void awaitAtLeast(long target, Duration timeout, Runnable check) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (latest() < target) {
			check.run();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + latest() + " of " + target + " records done after " + timeout
						+ ((this.lastFailure != null) ? "; last reading failed: " + this.lastFailure : ""));
			}
			WorkerJar.sleep(50);
		}
	}

	long latest() {
		return this.samples.isEmpty() ? 0 : this.samples.get(this.samples.size() - 1).value();
	}

	List<Sample> samples() {
		return new ArrayList<>(this.samples);
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		long next = System.nanoTime();
		while (this.running) {
			long now = System.nanoTime();
			try {
				this.samples.add(new Sample(now, this.progress.read()));
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				// The table may not exist yet while the worker migrates.
				this.lastFailure = ex;
			}
			next += this.interval.toNanos();
			long wait = next - System.nanoTime();
			if (wait > 0) {
				try {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			else {
				next = System.nanoTime();
			}
		}
	}

	/**
	 * A count of records done so far.
	 */
	@FunctionalInterface
	interface Progress {

		long read() throws Exception;

	}

	/**
	 * One reading: {@link System#nanoTime()} when it was taken, and the count.
	 */
	record Sample(long nanos, long value) {
	}

}

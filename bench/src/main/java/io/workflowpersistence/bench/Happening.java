package io.workflowpersistence.bench;

/**
 * Something that happened while latency was measured and may have held records back: a
 * garbage collection pause of the worker, a checkpoint, an autovacuum, a long statement,
 * a rebalance. Times are the benchmark's {@link System#nanoTime()}.
 *
 * @param what what it was, e.g. {@code GC pause (G1 Evacuation Pause)}; happenings with
 * the same {@code what} are summed in the report
 * @param startNanos when it began
 * @param endNanos when it ended (equal to the start for an instant)
 */
record Happening(String what, long startNanos, long endNanos) {

	double millis() {
		return (this.endNanos - this.startNanos) / 1e6;
	}

	boolean overlaps(long fromNanos, long toNanos) {
		return this.startNanos <= toNanos && this.endNanos >= fromNanos;
	}

}

package io.workflowpersistence.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a flight recording of the worker says about where its time went, between two
 * wall-clock instants (the drain): Java threads on CPU by hot method, by library, by
 * stage of ingestion and by step of parsing; the busiest thread's long waits for
 * PostgreSQL by the code waiting, and its samples in native code by library; garbage
 * collection; allocation by class.
 *
 * @param cpuSamples Java execution samples
 * @param selfMethods the methods at the top of the most samples, share of samples
 * @param selfLibraries the first non-JDK frame's library, share of samples
 * @param stages the stages of ingestion whose frames are on the stack, share of samples
 * @param parseSteps what the parser was doing, share of all samples
 * @param threads samples by thread (digits of names folded), share of samples
 * @param busiestThread the thread (digits of names folded) with the most samples on CPU
 * @param databaseWaits the busiest thread's socket reads of over 10 ms (the recording's
 * threshold) by the worker code waiting: count and total time
 * @param waiting the busiest thread's native samples by the library that called in
 * @param gcPause total garbage collection pause time
 * @param gcCount garbage collections
 * @param allocations allocated bytes (sampled) by class, share of the total
 * @param machineCpu the machine's average CPU load (0 to 1) and the JVM's share
 */
record JfrProfile(long cpuSamples, Map<String, Double> selfMethods, Map<String, Double> selfLibraries,
		Map<String, Double> stages, Map<String, Double> parseSteps, Map<String, Double> threads, String busiestThread,
		Map<String, Wait> databaseWaits, Map<String, Double> waiting, Duration gcPause, long gcCount,
		Map<String, Double> allocations, Map<String, Double> machineCpu) {

	/**
	 * Reads the events of the recording that started between the two instants.
	 */
	static JfrProfile read(Path recording, Instant from, Instant to) throws IOException {
		Tallies tallies = new Tallies();
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (!event.getStartTime().isBefore(from) && !event.getStartTime().isAfter(to)) {
					tallies.add(event);
				}
			}
		}
		return tallies.profile();
	}

	/**
	 * Waits of one kind: how many and how long in all.
	 */
	record Wait(long count, double millis) {

		double meanMillis() {
			return this.millis / Math.max(1, this.count);
		}

	}

	/**
	 * The sums a recording is read into.
	 */
	private static final class Tallies {

		private final Tally self = new Tally();

		private final Tally libraries = new Tally();

		private final Tally stages = new Tally();

		private final Tally parse = new Tally();

		private final Tally threads = new Tally();

		private final Map<String, Tally> natives = new HashMap<>();

		private final Map<String, Tally> waitMillis = new HashMap<>();

		private final Map<String, Tally> waitCounts = new HashMap<>();

		private final Tally allocations = new Tally();

		private final Tally cpu = new Tally();

		private long samples;

		private long cpuReadings;

		private long gcCount;

		private long gcNanos;

		void add(RecordedEvent event) {
			switch (event.getEventType().getName()) {
				case "jdk.ExecutionSample" -> executionSample(event);
				case "jdk.NativeMethodSample" ->
					this.natives.computeIfAbsent(StackFrames.thread(event, "sampledThread"), (name) -> new Tally())
						.add(StackFrames.library(StackFrames.of(event.getStackTrace())), 1);
				case "jdk.SocketRead" -> socketRead(event);
				case "jdk.GarbageCollection" -> {
					this.gcCount++;
					this.gcNanos += event.getDuration("sumOfPauses").toNanos();
				}
				case "jdk.ObjectAllocationSample" ->
					this.allocations.add(event.getClass("objectClass").getName(), event.getLong("weight"));
				case "jdk.CPULoad" -> {
					this.cpuReadings++;
					this.cpu.add("machine", event.getFloat("machineTotal"));
					this.cpu.add("this JVM", event.getFloat("jvmUser") + event.getFloat("jvmSystem"));
				}
				default -> {
				}
			}
		}

		private void executionSample(RecordedEvent event) {
			this.samples++;
			List<RecordedFrame> frames = StackFrames.of(event.getStackTrace());
			if (!frames.isEmpty()) {
				this.self.add(StackFrames.method(frames.get(0)), 1);
			}
			this.libraries.add(StackFrames.library(frames), 1);
			StackFrames.stages(frames).forEach((stage) -> this.stages.add(stage, 1));
			String step = StackFrames.parseStep(frames);
			if (step != null) {
				this.parse.add(step, 1);
			}
			this.threads.add(StackFrames.thread(event, "sampledThread"), 1);
		}

		private void socketRead(RecordedEvent event) {
			List<RecordedFrame> frames = StackFrames.of(event.getStackTrace());
			if (frames.stream().noneMatch((frame) -> StackFrames.qualified(frame).startsWith("org.postgresql."))) {
				return;
			}
			String thread = StackFrames.thread(event, "eventThread");
			String waiter = StackFrames.waiter(frames);
			String name = (waiter != null) ? waiter : "other";
			this.waitMillis.computeIfAbsent(thread, (key) -> new Tally())
				.add(name, event.getDuration().toNanos() / 1e6);
			this.waitCounts.computeIfAbsent(thread, (key) -> new Tally()).add(name, 1);
		}

		JfrProfile profile() {
			Map<String, Double> machine = new LinkedHashMap<>();
			machine.put("machine", this.cpu.get("machine") / Math.max(1, this.cpuReadings));
			machine.put("this JVM", this.cpu.get("this JVM") / Math.max(1, this.cpuReadings));
			String busiest = (this.threads.largest() != null) ? this.threads.largest() : "?";
			Tally natives = this.natives.getOrDefault(busiest, new Tally());
			Tally millis = this.waitMillis.getOrDefault(busiest, new Tally());
			Tally counts = this.waitCounts.getOrDefault(busiest, new Tally());
			Map<String, Wait> waits = new LinkedHashMap<>();
			millis.top(10, 1).forEach((name, total) -> waits.put(name, new Wait((long) counts.get(name), total)));
			return new JfrProfile(this.samples, this.self.top(25, this.samples), this.libraries.top(15, this.samples),
					this.stages.inOrder(StackFrames.stageNames(), this.samples), this.parse.top(12, this.samples),
					this.threads.top(10, this.samples), busiest, waits, natives.top(8, natives.sum()),
					Duration.ofNanos(this.gcNanos), this.gcCount, this.allocations.top(12, this.allocations.sum()),
					machine);
		}

	}

}

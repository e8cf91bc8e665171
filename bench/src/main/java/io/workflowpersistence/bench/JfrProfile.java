package io.workflowpersistence.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a flight recording of the worker says about where its time went, between two
 * wall-clock instants (the drain): Java threads on CPU by hot method, by library and by
 * stage of ingestion; the busiest thread in native code (mostly waiting on a socket) by
 * whom it waits for; garbage collection; allocation by class.
 *
 * @param cpuSamples Java execution samples
 * @param selfMethods the methods at the top of the most samples, share of samples
 * @param selfLibraries the first non-JDK frame's library, share of samples
 * @param stages the stages of ingestion whose frames are on the stack, share of samples
 * @param threads samples by thread (digits of names folded), share of samples
 * @param busiestThread the thread (digits of names folded) with the most samples on CPU
 * @param nativeSamples samples of the busiest thread in native code
 * @param waiting those native samples by the library that called into native code
 * @param gcPause total garbage collection pause time
 * @param gcCount garbage collections
 * @param allocations allocated bytes (sampled) by class, share of the total
 * @param machineCpu the machine's average CPU load (0 to 1) and the JVM's share
 */
record JfrProfile(long cpuSamples, Map<String, Double> selfMethods, Map<String, Double> selfLibraries,
		Map<String, Double> stages, Map<String, Double> threads, String busiestThread, long nativeSamples,
		Map<String, Double> waiting, Duration gcPause, long gcCount, Map<String, Double> allocations,
		Map<String, Double> machineCpu) {

	private static final Map<String, String> LIBRARIES = libraryNames();

	private static final Map<String, Predicate<String>> STAGES = stageMatchers();

	/**
	 * Reads the events of the recording that started between the two instants.
	 */
	static JfrProfile read(Path recording, Instant from, Instant to) throws IOException {
		Tally self = new Tally();
		Tally libraries = new Tally();
		Tally stages = new Tally();
		Tally threads = new Tally();
		Map<String, Tally> waiting = new HashMap<>();
		Tally allocations = new Tally();
		Tally cpu = new Tally();
		long[] counts = new long[4];
		long gcNanos = 0;
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
					continue;
				}
				switch (event.getEventType().getName()) {
					case "jdk.ExecutionSample" -> {
						counts[0]++;
						List<RecordedFrame> frames = frames(event.getStackTrace());
						if (!frames.isEmpty()) {
							self.add(method(frames.get(0)), 1);
						}
						libraries.add(library(frames), 1);
						stagesOf(frames).forEach((stage) -> stages.add(stage, 1));
						threads.add(threadName(event), 1);
					}
					case "jdk.NativeMethodSample" -> waiting.computeIfAbsent(threadName(event), (name) -> new Tally())
						.add(library(frames(event.getStackTrace())), 1);
					case "jdk.GarbageCollection" -> {
						counts[2]++;
						gcNanos += event.getDuration("sumOfPauses").toNanos();
					}
					case "jdk.ObjectAllocationSample" ->
						allocations.add(event.getClass("objectClass").getName(), event.getLong("weight"));
					case "jdk.CPULoad" -> {
						counts[3]++;
						cpu.add("machine", event.getFloat("machineTotal"));
						cpu.add("this JVM", event.getFloat("jvmUser") + event.getFloat("jvmSystem"));
					}
					default -> {
					}
				}
			}
		}
		Map<String, Double> machine = new LinkedHashMap<>();
		cpu.totals.forEach((name, sum) -> machine.put(name, sum / Math.max(1, counts[3])));
		String busiest = threads.top(1, 1).keySet().stream().findFirst().orElse("?");
		Tally busiestWaiting = waiting.getOrDefault(busiest, new Tally());
		return new JfrProfile(counts[0], self.top(25, counts[0]), libraries.top(15, counts[0]),
				stages.top(20, counts[0]), threads.top(10, counts[0]), busiest, (long) busiestWaiting.sum(),
				busiestWaiting.top(8, busiestWaiting.sum()), Duration.ofNanos(gcNanos), counts[2],
				allocations.top(12, allocations.sum()), machine);
	}

	private static List<RecordedFrame> frames(RecordedStackTrace stack) {
		return (stack != null) ? stack.getFrames() : List.of();
	}

	private static String method(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	private static String threadName(RecordedEvent event) {
		var thread = event.getThread("sampledThread");
		String name = (thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "?";
		return name.replaceAll("[0-9]+", "#");
	}

	/**
	 * The library of the first frame, from the top, that is not the JDK's; the JDK if all
	 * are.
	 */
	private static String library(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
				if (type.startsWith(library.getKey())) {
					if (!library.getValue().equals("JDK")) {
						return library.getValue();
					}
					break;
				}
			}
			if (LIBRARIES.keySet().stream().noneMatch(type::startsWith)) {
				return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
			}
		}
		return "JDK";
	}

	private static List<String> stagesOf(List<RecordedFrame> frames) {
		List<String> names = frames.stream()
			.map((frame) -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
			.toList();
		return STAGES.entrySet()
			.stream()
			.filter((stage) -> names.stream().anyMatch(stage.getValue()))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static Map<String, String> libraryNames() {
		Map<String, String> libraries = new LinkedHashMap<>();
		libraries.put("io.workflowpersistence.events", "events-schema (our parser)");
		libraries.put("io.workflowpersistence.worker", "worker (our ingest and store)");
		libraries.put("com.networknt", "JSON Schema validator (networknt)");
		libraries.put("tools.jackson", "Jackson 3");
		libraries.put("com.fasterxml.jackson", "Jackson 2");
		libraries.put("org.postgresql", "PostgreSQL driver (pgjdbc)");
		libraries.put("com.zaxxer.hikari", "HikariCP");
		libraries.put("org.apache.kafka", "Kafka client");
		libraries.put("org.springframework", "Spring");
		libraries.put("io.micrometer", "Micrometer");
		libraries.put("org.apache.catalina", "Tomcat");
		libraries.put("org.apache.tomcat", "Tomcat");
		libraries.put("ch.qos.logback", "Logback");
		libraries.put("org.slf4j", "SLF4J");
		libraries.put("java.", "JDK");
		libraries.put("javax.", "JDK");
		libraries.put("jdk.", "JDK");
		libraries.put("sun.", "JDK");
		libraries.put("com.sun.", "JDK");
		return libraries;
	}

	private static Map<String, Predicate<String>> stageMatchers() {
		Map<String, Predicate<String>> stages = new LinkedHashMap<>();
		stages.put("Kafka poll (fetch, decompress, deserialize)",
				(frame) -> frame.startsWith("org.apache.kafka.clients.consumer.") && frame.endsWith(".poll"));
		stages.put("parse a record (EventParser.parse)",
				(frame) -> frame.equals("io.workflowpersistence.events.EventParser.parse"));
		stages.put("  of which JSON Schema validation", (frame) -> frame.startsWith("com.networknt"));
		stages.put("  of which JSON reading (Jackson)", (frame) -> frame.startsWith("tools.jackson"));
		stages.put("reduce the batch (BatchReducer)", (frame) -> frame.contains(".ingest.BatchReducer."));
		stages.put("write the tables (BatchWriter.write)", (frame) -> frame.contains(".ingest.BatchWriter.write"));
		stages.put("record positions (OffsetStore)", (frame) -> frame.contains(".store.OffsetStore."));
		stages.put("PostgreSQL driver (pgjdbc)", (frame) -> frame.startsWith("org.postgresql."));
		stages.put("transaction commit", (frame) -> frame.endsWith(".commit") && frame.contains("Transaction"));
		stages.put("metrics (Micrometer)", (frame) -> frame.startsWith("io.micrometer."));
		stages.put("logging", (frame) -> frame.startsWith("ch.qos.logback.") || frame.startsWith("org.slf4j."));
		return stages;
	}

	/**
	 * Sums by name.
	 */
	private static final class Tally {

		private final Map<String, Double> totals = new HashMap<>();

		void add(String name, double amount) {
			this.totals.merge(name, amount, Double::sum);
		}

		double sum() {
			return this.totals.values().stream().mapToDouble(Double::doubleValue).sum();
		}

		/**
		 * The largest totals, as shares of {@code whole}, largest first.
		 */
		Map<String, Double> top(int limit, double whole) {
			Map<String, Double> top = new LinkedHashMap<>();
			this.totals.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.limit(limit)
				.forEach((entry) -> top.put(entry.getKey(), entry.getValue() / Math.max(1, whole)));
			return top;
		}

	}

}

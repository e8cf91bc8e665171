package io.workflowpersistence.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * How the profile names what a stack trace was doing: the library of its first non-JDK
 * frame, the stages of ingestion on it, the step of parsing, the worker code waiting.
 */
final class StackFrames {

	static final String PARSE = "io.workflowpersistence.events.EventParser.read";

	private static final Map<String, String> LIBRARIES = libraryNames();

	private static final Map<String, Predicate<String>> STAGES = stageMatchers();

	private StackFrames() {
	}

	static List<RecordedFrame> of(RecordedStackTrace stack) {
		return (stack != null) ? stack.getFrames() : List.of();
	}

	/**
	 * {@code Class.method}, without the package.
	 */
	static String method(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	static String qualified(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	/**
	 * The name of the event's thread with its digits folded, so that the threads of one
	 * pool count together.
	 */
	static String thread(RecordedEvent event, String field) {
		RecordedThread thread = event.getThread(field);
		String name = (thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "?";
		return name.replaceAll("[0-9]+", "#");
	}

	/**
	 * The library of the first frame, from the top, that is not the JDK's; the JDK if all
	 * are.
	 */
	static String library(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			String library = LIBRARIES.entrySet()
				.stream()
				.filter((entry) -> type.startsWith(entry.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse("other: " + type.substring(0, Math.max(0, type.lastIndexOf('.'))));
			if (!library.equals("JDK")) {
				return library;
			}
		}
		return "JDK";
	}

	/**
	 * The names of the stages, in the order the report lists them.
	 */
	static Iterable<String> stageNames() {
		return STAGES.keySet();
	}

	static List<String> stages(List<RecordedFrame> frames) {
		List<String> names = frames.stream().map(StackFrames::qualified).toList();
		return STAGES.entrySet()
			.stream()
			.filter((stage) -> names.stream().anyMatch(stage.getValue()))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * The method the parser's {@code read} was calling, or {@code null} when the stack is
	 * not in it.
	 */
	static String parseStep(List<RecordedFrame> frames) {
		for (int index = 1; index < frames.size(); index++) {
			if (qualified(frames.get(index)).equals(PARSE)) {
				return method(frames.get(index - 1));
			}
		}
		return null;
	}

	/**
	 * The first frame of the worker's own code, or the transaction commit, that is
	 * waiting; {@code null} if none is.
	 */
	static String waiter(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String name = qualified(frame);
			if (name.startsWith("io.workflowpersistence.") || name.endsWith("TransactionManager.doCommit")) {
				return method(frame).replaceAll("\\$\\$SpringCGLIB\\$\\$\\d+", "");
			}
		}
		return null;
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
		libraries.put("io.prometheus", "Prometheus client");
		libraries.put("org.apache.catalina", "Tomcat");
		libraries.put("org.apache.tomcat", "Tomcat");
		libraries.put("org.apache.coyote", "Tomcat");
		libraries.put("ch.qos.logback", "Logback");
		libraries.put("org.slf4j", "SLF4J");
		for (String jdk : List.of("java.", "javax.", "jdk.", "sun.", "com.sun.")) {
			libraries.put(jdk, "JDK");
		}
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
		stages.put("sweep deleted instances after commit (OrphanSweep)",
				(frame) -> frame.contains(".store.OrphanSweep."));
		stages.put("metrics (Micrometer, Prometheus)",
				(frame) -> frame.startsWith("io.micrometer.") || frame.startsWith("io.prometheus."));
		stages.put("logging", (frame) -> frame.startsWith("ch.qos.logback.") || frame.startsWith("org.slf4j."));
		return stages;
	}

}

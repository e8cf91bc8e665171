package io.workflowpersistence.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the worker itself says happened while latency was measured: its garbage collection
 * pauses, from a flight recording, and its consumer group's rebalances, from its log.
 */
final class WorkerEvents {

	private WorkerEvents() {
	}

	/**
	 * The JVM options that record what {@link #gcPauses} reads: JFR's {@code default}
	 * settings (garbage collections among them, about 1% overhead).
	 */
	static List<String> recordingOptions(Path recording) {
		return List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true");
	}

	/**
	 * The garbage collections that paused the worker's threads, each from its start for
	 * the sum of its pauses. A pause whose GC threads were on a CPU for less than half of
	 * it ({@code jdk.GCCPUTime}) is named apart: it waited for a core that other
	 * processes held, which a smaller heap or another pause target does not change.
	 * @param clock the benchmark's clock
	 */
	static List<Happening> gcPauses(Path recording, Clock clock) throws IOException {
		List<RecordedEvent> collections = new ArrayList<>();
		Map<Long, Long> cpuNanos = new HashMap<>();
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				switch (event.getEventType().getName()) {
					case "jdk.GarbageCollection" -> collections.add(event);
					case "jdk.GCCPUTime" -> cpuNanos.put(event.getLong("gcId"),
							event.getDuration("userTime").plus(event.getDuration("systemTime")).toNanos());
					default -> {
					}
				}
			}
		}
		List<Happening> pauses = new ArrayList<>();
		for (RecordedEvent collection : collections) {
			long paused = collection.getDuration("sumOfPauses").toNanos();
			if (paused > 0) {
				long start = clock.nanos(collection.getStartTime());
				Long cpu = cpuNanos.get(collection.getLong("gcId"));
				boolean starved = cpu != null && cpu < paused / 2;
				pauses.add(new Happening(
						"GC pause (" + collection.getString("name") + ", " + collection.getString("cause")
								+ (starved ? "; its threads mostly waiting for a core" : "") + ")",
						start, start + paused));
			}
		}
		return pauses;
	}

	/**
	 * The times the worker's listener containers had partitions revoked or assigned: each
	 * is a rebalance of the consumer group, during which the consumers stop.
	 */
	static List<Happening> rebalances(Path log, Clock clock) throws IOException {
		List<Happening> rebalances = new ArrayList<>();
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			String what = line.contains("partitions revoked") ? "rebalance: partitions revoked"
					: line.contains("partitions assigned") ? "rebalance: partitions assigned" : null;
			Instant at = (what != null) ? timestamp(line) : null;
			if (at != null) {
				long nanos = clock.nanos(at);
				rebalances.add(new Happening(what, nanos, nanos));
			}
		}
		return rebalances;
	}

	/**
	 * The time at the start of a line of Spring Boot's default log format, e.g.
	 * {@code 2026-12-06T18:30:00.123Z  INFO 1 --- …}, or {@code null}.
	 */
	static Instant timestamp(String line) {
		int space = line.indexOf(' ');
		if (space < 0) {
			return null;
		}
		try {
			return OffsetDateTime.parse(line.substring(0, space)).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Turns wall-clock instants into the benchmark's {@link System#nanoTime()}.
	 */
	record Clock(Instant wall, long nanos) {

		static Clock now() {
			return new Clock(Instant.now(), System.nanoTime());
		}

		long nanos(Instant instant) {
			return this.nanos + (instant.getEpochSecond() - this.wall.getEpochSecond()) * 1_000_000_000L
					+ (instant.getNano() - this.wall.getNano());
		}

	}

}

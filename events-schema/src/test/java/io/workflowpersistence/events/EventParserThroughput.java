package io.workflowpersistence.events;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.header.Headers;

/**
 * Measures how many records one thread parses per second: a mix of every event type in
 * both content modes, with 2% invalid records. Prints the figures; run its main method
 * with the test class path. Not a test: timings depend on the machine.
 */
public final class EventParserThroughput {

	private static final int DISTINCT_RECORDS = 1_000;

	// The thread's CPU time, which other processes on a shared machine disturb less than
	// the time on the clock.
	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private EventParserThroughput() {
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		List<Record> records = records();
		EventParser parser = new EventParser();
		run(parser, records, count);
		for (int round = 1; round <= 3; round++) {
			Map<String, Integer> outcomes = new TreeMap<>();
			long startCpu = THREADS.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				Record record = records.get(i % records.size());
				outcomes.merge(parser.parse(record.value(), record.headers()).getClass().getSimpleName(), 1,
						Integer::sum);
			}
			long nanos = System.nanoTime() - start;
			long cpuNanos = THREADS.getCurrentThreadCpuTime() - startCpu;
			System.out.printf(
					"round %d: %,d records in %,d ms: %,.0f records/s, %.2f us/record, %.2f us CPU/record %s%n", round,
					count, nanos / 1_000_000, count / (nanos / 1e9), nanos / 1e3 / count, cpuNanos / 1e3 / count,
					outcomes);
		}
	}

	private static void run(EventParser parser, List<Record> records, int count) {
		for (int i = 0; i < count; i++) {
			Record record = records.get(i % records.size());
			parser.parse(record.value(), record.headers());
		}
	}

	private static List<Record> records() {
		List<Record> records = new ArrayList<>();
		for (int i = 0; i < DISTINCT_RECORDS; i++) {
			Events event = event(i);
			if (i % 50 == 49) {
				event.field("createdAt", "not a time");
			}
			if (i % 2 == 0) {
				records.add(new Record(event.bytes(), TestRecords.noHeaders()));
			}
			else {
				TestRecords.BinaryRecord binary = event.binary();
				records.add(new Record(binary.value(), binary.headers()));
			}
		}
		return records;
	}

	private static Events event(int i) {
		String instanceId = "wi-" + (i % 97);
		return switch (i % 8) {
			case 0, 1 -> Events.instance()
				.field("id", instanceId)
				.field("definitionVersionId", "order-approval:v4")
				.field("version", 4)
				.field("subStatus", "Suspended")
				.field("correlationId", "order-" + i)
				.field("name", "Order approval " + i)
				.jsonField("data", "{\"variables\": {\"amount\": 1250.5, \"approver\": null, \"lines\": [1, 2, 3]}}")
				.field("createdAt", "2026-11-24T10:15:01.000Z")
				.field("updatedAt", "2026-11-24T10:15:30.120Z");
			case 2, 3 -> Events.activity()
				.field("id", "aer-" + i)
				.field("workflowInstanceId", instanceId)
				.field("activityNodeId", "Workflow1:Flowchart1:SendEmail1")
				.field("activityName", "SendEmail1")
				.field("activityType", "Elsa.SendEmail")
				.jsonField("data", "{\"input\": {\"to\": \"ops@example.com\"}}")
				.field("startedAt", "2026-11-24T10:15:30.500+01:00")
				.field("completedAt", "2026-11-24T10:15:31.000+01:00");
			case 4 -> Events.bookmark()
				.field("id", "bm-" + i)
				.field("name", "UserTask")
				.jsonField("data", "{\"assignee\": \"jane\"}")
				.field("createdAt", "2026-11-24T10:15:30.130");
			case 5 -> Events.definition()
				.field("name", "OrderApproval")
				.field("isLatest", true)
				.field("isPublished", true)
				.jsonField("data", "{\"root\": {\"type\": \"Elsa.Flowchart\", \"activities\": []}}")
				.field("categoryId", Events.CATEGORY_ID)
				.field("tags", List.of("finance", "approval"));
			case 6 -> Events.trigger().field("hash", "A1B2C3D4").jsonField("data", "{\"path\": \"/orders\"}");
			default -> (i % 16 == 7) ? Events.category().field("color", "#2E7D32")
					: Events.deleted(EntityType.WORKFLOW_INSTANCE, instanceId);
		};
	}

	private record Record(byte[] value, Headers headers) {
	}

}

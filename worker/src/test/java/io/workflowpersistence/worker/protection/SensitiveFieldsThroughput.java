package io.workflowpersistence.worker.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.events.EventParser;
import io.workflowpersistence.events.ParseOutcome;
import io.workflowpersistence.worker.testing.Events;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Measures what field encryption costs one thread: records parsed per second alone, with
 * sensitive paths configured that no event carries, and with two encrypted values in
 * every event. Prints the figures; run its main method with the test class path. Not a
 * test: timings depend on the machine.
 */
public final class SensitiveFieldsThroughput {

	private SensitiveFieldsThroughput() {
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		EventParser parser = new EventParser();
		List<ProducerRecord<byte[], byte[]>> plain = records(false);
		List<ProducerRecord<byte[], byte[]>> sensitive = records(true);
		SensitiveFields none = fields();
		SensitiveFields paths = fields("$.variables.creditCard", "$.variables.iban");
		for (int round = 1; round <= 3; round++) {
			report(round, "parse only", run(parser, none, sensitive, count), count);
			report(round, "paths, no match", run(parser, paths, plain, count), count);
			report(round, "2 values encrypted", run(parser, paths, sensitive, count), count);
		}
	}

	private static long run(EventParser parser, SensitiveFields fields, List<ProducerRecord<byte[], byte[]>> records,
			int count) {
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			ProducerRecord<byte[], byte[]> record = records.get(i % records.size());
			ParseOutcome outcome = fields.protect(parser.parse(record.value(), record.headers()));
			if (!(outcome instanceof ParseOutcome.Accepted)) {
				throw new IllegalStateException(outcome.toString());
			}
		}
		return System.nanoTime() - started;
	}

	private static void report(int round, String name, long nanos, int count) {
		System.out.printf("round %d, %-20s %,9.0f events/s, %5.2f us/event%n", round, name + ":", count / (nanos / 1e9),
				nanos / 1e3 / count);
	}

	private static List<ProducerRecord<byte[], byte[]>> records(boolean sensitive) {
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			Map<String, Object> variables = sensitive
					? Map.of("creditCard", "4111 1111 1111 " + (1000 + i), "iban", "DE8937040044053201" + (1000 + i),
							"amount", 1250.5, "approver", "alice", "lines", List.of(1, 2, 3))
					: Map.of("amount", 1250.5, "approver", "alice", "lines", List.of(1, 2, 3));
			records.add(Events.instance("wi-" + i)
				.with("name", "Order approval " + i)
				.with("correlationId", "order-" + i)
				.with("data", Map.of("variables", variables))
				.version(i)
				.record());
		}
		return records;
	}

	private static SensitiveFields fields(String... paths) {
		FieldCipher cipher = new FieldCipher(new KeyRing(Map.of("k1", FieldCipherTests.key(1)), "k1"));
		return new SensitiveFields(
				new SensitiveJson(List.of(paths).stream().map(JsonPath::parse).toList(), cipher, "***"));
	}

}

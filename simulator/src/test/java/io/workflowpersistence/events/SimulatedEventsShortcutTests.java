package io.workflowpersistence.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.SimulatorSettings;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's shortcuts for valid events against the simulator's output: every record
 * gets the same outcome as from the parser without them. In the parser's package, for
 * that reference parser.
 */
class SimulatedEventsShortcutTests {

	@Test
	void everySimulatedRecordHasTheSameOutcomeAsWithoutTheShortcuts() {
		EventParser parser = new EventParser();
		EventParser withoutShortcuts = EventParser.withoutShortcuts();
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withSeed(20261126)
			.withInstances(1_000)
			.withDelivery(0.05, 0.05, 0.5);
		List<String> differences = new ArrayList<>();
		long compared = 0;
		for (ProducerRecord<byte[], byte[]> record : (Iterable<ProducerRecord<byte[], byte[]>>) new EngineSimulator(
				settings)
			.records()::iterator) {
			ParseOutcome expected = withoutShortcuts.parse(record.value(), record.headers());
			ParseOutcome actual = parser.parse(record.value(), record.headers());
			if (!actual.equals(expected)) {
				differences.add(new String(record.value(), StandardCharsets.UTF_8) + "\n  expected " + expected
						+ "\n  but was  " + actual);
			}
			compared++;
		}

		assertThat(differences.stream().limit(10).toList()).as("the first of %d differences", differences.size())
			.isEmpty();
		assertThat(compared).isGreaterThanOrEqualTo(10_000);
	}

}

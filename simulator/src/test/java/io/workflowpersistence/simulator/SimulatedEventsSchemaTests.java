package io.workflowpersistence.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.events.EventParser;
import io.workflowpersistence.events.ParseOutcome;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's output against the event contract's JSON Schemas, through the same
 * parser the worker uses.
 */
class SimulatedEventsSchemaTests {

	@Test
	void everySimulatedRecordIsAValidEvent() {
		EventParser parser = new EventParser();
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withSeed(20261124)
			.withInstances(600)
			.withDelivery(0.05, 0.05, 0.5);
		List<String> rejections = new ArrayList<>();
		long accepted = 0;
		for (ProducerRecord<byte[], byte[]> record : (Iterable<ProducerRecord<byte[], byte[]>>) new EngineSimulator(
				settings)::iterator) {
			ParseOutcome outcome = parser.parse(record.value(), record.headers());
			if (outcome instanceof ParseOutcome.Accepted) {
				accepted++;
			}
			else {
				rejections.add(outcome + ": " + new String(record.value(), StandardCharsets.UTF_8));
			}
		}

		assertThat(rejections).isEmpty();
		assertThat(accepted).isGreaterThanOrEqualTo(5_000);
	}

}

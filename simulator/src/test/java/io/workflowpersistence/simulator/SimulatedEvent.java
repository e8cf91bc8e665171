package io.workflowpersistence.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.workflowpersistence.events.EventParser;
import io.workflowpersistence.events.ParseOutcome;
import io.workflowpersistence.events.WorkflowEvent;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A simulated record with the event the contract's parser reads from it.
 */
record SimulatedEvent(ProducerRecord<byte[], byte[]> record, WorkflowEvent event) {

	private static final EventParser PARSER = new EventParser();

	static List<SimulatedEvent> run(SimulatorSettings settings) {
		return new EngineSimulator(settings).records().map(SimulatedEvent::parse).toList();
	}

	static SimulatedEvent parse(ProducerRecord<byte[], byte[]> record) {
		ParseOutcome outcome = PARSER.parse(record.value(), record.headers());
		if (!(outcome instanceof ParseOutcome.Accepted accepted)) {
			throw new AssertionError(
					"Rejected: " + outcome + " for " + new String(record.value(), StandardCharsets.UTF_8));
		}
		return new SimulatedEvent(record, accepted.event());
	}

	String key() {
		return new String(this.record.key(), StandardCharsets.UTF_8);
	}

	String type() {
		return this.event.entityType().cloudEventType(this.event.operation());
	}

	/**
	 * The entity's family and id, e.g. {@code workflow.instance/3f2a…}.
	 */
	String entity() {
		return this.event.entityType().prefix() + "/" + this.event.entityId();
	}

	long version() {
		return this.event.orderingKey().version();
	}

	boolean isBinary() {
		return this.record.headers().lastHeader("ce_id") != null;
	}

	String eventId() {
		return this.event.eventId();
	}

}

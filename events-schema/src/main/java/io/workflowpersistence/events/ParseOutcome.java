package io.workflowpersistence.events;

/**
 * What the parser made of one Kafka record: an event, a precise rejection, or a Kafka
 * tombstone (a record without a value, which carries no event).
 */
public sealed interface ParseOutcome {

	/**
	 * A valid event.
	 */
	record Accepted(WorkflowEvent event) implements ParseOutcome {
	}

	/**
	 * An invalid record; {@code reason} says exactly what is wrong, naming the field.
	 */
	record Rejected(String reason) implements ParseOutcome {
	}

	/**
	 * A record without a value.
	 */
	record Tombstone() implements ParseOutcome {
	}

}

package io.workflowpersistence.worker.protection;

import io.workflowpersistence.events.Entity;
import io.workflowpersistence.events.ParseOutcome;
import io.workflowpersistence.events.WorkflowEvent;

/**
 * Encrypts the sensitive paths of each parsed event's {@code data} before it is written,
 * so that the tables hold only ciphertext there. With no paths configured it changes
 * nothing. A failure to encrypt is thrown, never stored in the clear.
 */
public final class SensitiveFields {

	private final SensitiveJson json;

	SensitiveFields(SensitiveJson json) {
		this.json = json;
	}

	/**
	 * The outcome with its event's sensitive values encrypted; other outcomes as they
	 * are.
	 * @param outcome what the parser made of a record
	 * @return the outcome to apply
	 */
	public ParseOutcome protect(ParseOutcome outcome) {
		if (!this.json.hasPaths() || !(outcome instanceof ParseOutcome.Accepted accepted)
				|| accepted.event().entity() == null) {
			return outcome;
		}
		WorkflowEvent event = accepted.event();
		Entity entity = EntityData.rewrite(event.entity(), this.json::encrypt);
		if (entity == event.entity()) {
			return outcome;
		}
		return new ParseOutcome.Accepted(new WorkflowEvent(event.eventId(), event.source(), event.entityType(),
				event.operation(), event.entityId(), event.orderingKey(), entity));
	}

}

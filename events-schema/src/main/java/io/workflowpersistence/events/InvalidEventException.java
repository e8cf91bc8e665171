package io.workflowpersistence.events;

/**
 * Why a record is not a valid event; its message is the rejection reason. Carries no
 * stack trace: it is an expected outcome for bad input, not a fault.
 */
final class InvalidEventException extends RuntimeException {

	InvalidEventException(String reason) {
		super(reason, null, false, false);
	}

}

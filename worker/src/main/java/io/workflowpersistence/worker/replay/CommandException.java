package io.workflowpersistence.worker.replay;

/**
 * A command that cannot go on, with the message for the operator and the exit code.
 */
class CommandException extends RuntimeException {

	private final int exitCode;

	CommandException(int exitCode, String message) {
		super(message, null, false, false);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}

package io.workflowpersistence.worker.embedded;

/**
 * Thrown when the embedded run is asked for, by configuring no server, from a jar that
 * carries no embedded servers; {@link EmbeddedServersMissingFailureAnalyzer} turns it
 * into the message the user reads.
 */
class EmbeddedServersMissingException extends RuntimeException {

	EmbeddedServersMissingException() {
		super("This jar has no embedded PostgreSQL and Kafka broker, and no server is configured");
	}

}

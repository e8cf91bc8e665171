package io.workflowpersistence.worker.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains, instead of a stack trace, why the production jar stopped when it was given no
 * server, and what to set or run instead.
 */
class EmbeddedServersMissingFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedServersMissingException> {

	static final String DESCRIPTION = "This jar (worker-server.jar, the production jar) has no embedded "
			+ "PostgreSQL and Kafka broker, and none is configured: neither spring.datasource.url nor "
			+ "spring.kafka.bootstrap-servers is set, or worker.embedded.enabled is true. Give it real servers "
			+ "with SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD and "
			+ "SPRING_KAFKA_BOOTSTRAP_SERVERS (docs/operations/running.md), or, to try the worker with nothing "
			+ "installed, run worker.jar, which carries and starts embedded ones.";

	static final String ACTION = "Set SPRING_DATASOURCE_URL and SPRING_KAFKA_BOOTSTRAP_SERVERS, or run worker.jar.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedServersMissingException cause) {
		return new FailureAnalysis(DESCRIPTION, ACTION, cause);
	}

}

package io.workflowpersistence.worker.testing;

import io.workflowpersistence.db.testing.DatabaseInfo;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a Spring test's {@code @DynamicPropertySource} tells the worker about where it
 * connects: its database, or the users of {@code db/README.md}, and a broker whose topics
 * are the test's own.
 */
public final class WorkerConnections {

	private WorkerConnections() {
	}

	/**
	 * The worker's own pool connects to a database as the user it names.
	 * @param registry the test's properties
	 * @param database the database
	 */
	public static void database(DynamicPropertyRegistry registry, DatabaseInfo database) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	/**
	 * The worker writes as the DML-only user and reads for the API as the read-only one.
	 * @param registry the test's properties
	 * @param users the users of the database
	 */
	public static void users(DynamicPropertyRegistry registry, DatabaseUsers users) {
		database(registry, users.worker());
		registry.add("worker.api.datasource.username", users.reader()::username);
		registry.add("worker.api.datasource.password", users.reader()::password);
	}

	/**
	 * The worker consumes its topics from a broker in a consumer group of its own.
	 * @param registry the test's properties
	 * @param kafka the broker
	 * @param groupId the consumer group
	 * @param topics the topics, comma-separated
	 */
	public static void topics(DynamicPropertyRegistry registry, KafkaTestBroker kafka, String groupId, String topics) {
		registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
		registry.add("spring.kafka.consumer.group-id", () -> groupId);
		registry.add("worker.ingest.topics", () -> topics);
	}

}

package io.workflowpersistence.worker.ingest;

import javax.sql.DataSource;

import io.workflowpersistence.events.EventParser;
import io.workflowpersistence.worker.protection.SensitiveFields;
import io.workflowpersistence.worker.store.InstanceExpiry;
import io.workflowpersistence.worker.store.SchemaStores;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.backoff.BackOff;

/**
 * Builds the one batch path, "apply a batch and its offsets", for live ingestion on the
 * application's data source and for a rebuild on a schema of its own, with the same
 * parser, encryption of sensitive fields, stores, retention's removals, dead-lettering
 * and retry policy.
 */
@Component
public class BatchIngestorFactory {

	private final EventParser parser;

	private final SensitiveFields sensitiveFields;

	private final IngestProperties properties;

	private final InstanceExpiry expiry;

	private final BackOff retry;

	BatchIngestorFactory(EventParser parser, SensitiveFields sensitiveFields, IngestProperties properties,
			InstanceExpiry expiry) {
		this.parser = parser;
		this.sensitiveFields = sensitiveFields;
		this.properties = properties;
		this.expiry = expiry;
		this.retry = new RetryBackOff(properties.retry());
	}

	/**
	 * The batch path writing to the schema first on the data source's search path, as a
	 * rebuild does, in transactions of its own.
	 * @param dataSource connections to the schema to write
	 * @param deadLetterTemplate where rejected records are published
	 * @return the batch path
	 */
	public BatchIngestor create(DataSource dataSource, KafkaOperations<byte[], byte[]> deadLetterTemplate) {
		return create(new JdbcTemplate(dataSource), new JdbcTransactionManager(dataSource), deadLetterTemplate);
	}

	BatchIngestor create(JdbcTemplate jdbc, PlatformTransactionManager transactions,
			KafkaOperations<byte[], byte[]> deadLetterTemplate) {
		return new BatchIngestor(this.parser, this.sensitiveFields, SchemaStores.on(jdbc, this.expiry),
				new DeadLetters(deadLetterTemplate, this.properties), transactions);
	}

	/**
	 * The back-off between attempts of a batch that failed for a transient reason (the
	 * database or the broker unreachable), from {@code worker.ingest.retry}: live
	 * ingestion waits so between attempts without end, a rebuild for a few attempts.
	 * @return the back-off
	 */
	public BackOff retry() {
		return this.retry;
	}

}

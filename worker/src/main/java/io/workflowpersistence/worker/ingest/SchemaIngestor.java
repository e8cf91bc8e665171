package io.workflowpersistence.worker.ingest;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.workflowpersistence.events.EventParser;
import io.workflowpersistence.worker.protection.SensitiveFields;
import io.workflowpersistence.worker.store.InstanceExpiry;
import io.workflowpersistence.worker.store.SchemaStores;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Live ingestion's batch path (parse, skip what the schema already reflects, newest wins,
 * dead letters, positions in the same transaction) built on a data source of its own: a
 * rebuild applies the topics to a fresh schema, or to the emptied live one, with the very
 * code that consumes them live. Thread-safe: readers of different partitions may share
 * it.
 */
public final class SchemaIngestor {

	private final BatchIngestor ingestor;

	private final SimpleMeterRegistry meters;

	private SchemaIngestor(BatchIngestor ingestor, SimpleMeterRegistry meters) {
		this.ingestor = ingestor;
		this.meters = meters;
	}

	/**
	 * Builds the batch path for a data source.
	 * @param dataSource connections to the schema to write (first on their search path)
	 * @param deadLetterTemplate where rejected records are published
	 * @param properties the dead-letter suffix
	 * @param sensitiveFields the encryption of sensitive paths, as live ingestion applies
	 * it
	 * @return the ingestor
	 */
	public static SchemaIngestor create(DataSource dataSource, KafkaOperations<byte[], byte[]> deadLetterTemplate,
			IngestProperties properties, SensitiveFields sensitiveFields) {
		return create(dataSource, deadLetterTemplate, properties, sensitiveFields, InstanceExpiry.NEVER);
	}

	/**
	 * Builds the batch path for a data source, applying retention's removals as live
	 * ingestion does.
	 * @param dataSource connections to the schema to write (first on their search path)
	 * @param deadLetterTemplate where rejected records are published
	 * @param properties the dead-letter suffix
	 * @param sensitiveFields the encryption of sensitive paths, as live ingestion applies
	 * it
	 * @param expiry which instance upserts retention applies as removals
	 * @return the ingestor
	 */
	public static SchemaIngestor create(DataSource dataSource, KafkaOperations<byte[], byte[]> deadLetterTemplate,
			IngestProperties properties, SensitiveFields sensitiveFields, InstanceExpiry expiry) {
		SchemaStores stores = SchemaStores.on(new JdbcTemplate(dataSource), expiry);
		JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		BatchIngestor ingestor = new BatchIngestor(new EventParser(), sensitiveFields, stores.offsets(),
				new BatchWriter(stores.entities(), transactions), stores.orphans(),
				new DeadLetters(deadLetterTemplate, properties), new IngestMetrics(meters), transactions);
		return new SchemaIngestor(ingestor, meters);
	}

	/**
	 * Applies one batch in one transaction, as live ingestion does, recording the
	 * positions under the given group.
	 * @param records the batch
	 * @param groupId the consumer group whose positions the schema records
	 * @return where to seek back to when the schema reflects an earlier position than the
	 * batch starts at (empty when the batch was applied)
	 */
	public Map<TopicPartition, Long> ingest(List<ConsumerRecord<byte[], byte[]>> records, String groupId) {
		return this.ingestor.ingest(records, groupId);
	}

	/**
	 * What became of the events ingested so far.
	 * @return the counts by outcome
	 */
	public Totals totals() {
		return new Totals(events("applied"), events("stale"), events("dead_lettered"),
				(long) this.meters.counter("workflow.ingest.kafka.tombstones").count());
	}

	private long events(String outcome) {
		return (long) this.meters.find("workflow.ingest.events")
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	/**
	 * Counts of ingested events by outcome.
	 *
	 * @param applied events that changed the schema
	 * @param stale events older than or equal to what the schema held, or superseded in
	 * their batch
	 * @param deadLettered records rejected and sent to the dead-letter topic
	 * @param kafkaTombstones records without a value, skipped
	 */
	public record Totals(long applied, long stale, long deadLettered, long kafkaTombstones) {
	}

}

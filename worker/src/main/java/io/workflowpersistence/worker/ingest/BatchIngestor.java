package io.workflowpersistence.worker.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.workflowpersistence.events.EventParser;
import io.workflowpersistence.events.ParseOutcome;
import io.workflowpersistence.events.ParseOutcome.Accepted;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.worker.protection.SensitiveFields;
import io.workflowpersistence.worker.store.OffsetStore;
import io.workflowpersistence.worker.store.OrphanSweep;
import io.workflowpersistence.worker.store.SchemaStores;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one polled batch in one database transaction (docs/contract.md, rules 1 to 7):
 * parses every record, skips what the database already reflects, reduces the rest to the
 * newest event per entity, writes each table with one statement, dead-letters what was
 * rejected and records the new position of the topics, all before the commit. After the
 * commit it sweeps the instances the batch touched for children a concurrent batch wrote.
 * The caller commits the consumer's offsets only after this returns. Live ingestion and
 * the rebuild use it alike, each built by {@link BatchIngestorFactory}; thread-safe, so
 * the consumers of different partitions may share one.
 */
public final class BatchIngestor {

	private static final Logger logger = LoggerFactory.getLogger(BatchIngestor.class);

	private final EventParser parser;

	private final SensitiveFields sensitiveFields;

	private final OffsetStore offsets;

	private final BatchWriter writer;

	private final OrphanSweep orphans;

	private final DeadLetters deadLetters;

	private final TransactionTemplate transaction;

	// Where a partition was last sent back to, until a batch of it is applied.
	private final Map<TopicPartition, Long> rewoundTo = new ConcurrentHashMap<>();

	BatchIngestor(EventParser parser, SensitiveFields sensitiveFields, SchemaStores stores, DeadLetters deadLetters,
			PlatformTransactionManager transactions) {
		this.parser = parser;
		this.sensitiveFields = sensitiveFields;
		this.offsets = stores.offsets();
		this.writer = new BatchWriter(stores.entities(), transactions);
		this.orphans = stores.orphans();
		this.deadLetters = deadLetters;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Applies the batch, or applies nothing and says where to seek the consumer when the
	 * database reflects an earlier position than the batch starts at (a database restored
	 * from a backup, a rebuilt schema swapped in): the records in between are read again.
	 * @param records the batch
	 * @param groupId the consumer group whose positions the database records
	 * @return what became of the records, or where to read again
	 */
	public BatchOutcome ingest(List<ConsumerRecord<byte[], byte[]>> records, String groupId) {
		long started = System.nanoTime();
		List<ParsedRecord> parsed = new ArrayList<>(records.size());
		for (ConsumerRecord<byte[], byte[]> record : records) {
			ParseOutcome outcome = this.parser.parse(record.value(), record.headers());
			parsed.add(new ParsedRecord(record, this.sensitiveFields.protect(outcome)));
		}
		Map<ConsumerRecord<?, ?>, String> refused = new IdentityHashMap<>();
		Map<TopicPartition, Long> rewind = new HashMap<>();
		BatchReport report = null;
		// Each round that finds events PostgreSQL refuses rolls back and starts again
		// without them, so older events of the same entities still apply.
		while (report == null && rewind.isEmpty()) {
			report = this.transaction.execute((status) -> applyOnce(parsed, refused, rewind, groupId, status));
		}
		if (report == null) {
			return BatchOutcome.rewound(records.size(), Duration.ofNanos(System.nanoTime() - started), rewind);
		}
		sweepOrphans(parsed);
		logger.debug("Applied batch of {} records: {}", records.size(), report);
		return report.outcome(records.size(), Duration.ofNanos(System.nanoTime() - started));
	}

	private BatchReport applyOnce(List<ParsedRecord> parsed, Map<ConsumerRecord<?, ?>, String> refused,
			Map<TopicPartition, Long> rewind, String groupId, TransactionStatus status) {
		Map<TopicPartition, Long> firstOffsets = firstOffsets(parsed);
		Map<TopicPartition, Long> positions = this.offsets.lockPositions(groupId, firstOffsets);
		if (firstOffsets.entrySet()
			.stream()
			.anyMatch((first) -> isBehind(first.getKey(), first.getValue(), positions))) {
			logger.warn("The database reflects earlier positions {} than this batch starts at {}; reading again",
					positions, firstOffsets);
			firstOffsets
				.forEach((partition, first) -> rewind.put(partition, Math.min(first, positions.get(partition))));
			this.rewoundTo.putAll(rewind);
			return null;
		}
		firstOffsets.keySet().forEach(this.rewoundTo::remove);
		List<ParsedRecord> fresh = parsed.stream().filter((record) -> record.isAtOrAfter(positions)).toList();
		Map<WorkflowEvent, ParsedRecord> sources = new IdentityHashMap<>();
		List<WorkflowEvent> events = new ArrayList<>();
		for (ParsedRecord record : fresh) {
			if (record.outcome() instanceof Accepted accepted && !refused.containsKey(record.record())) {
				sources.put(accepted.event(), record);
				events.add(accepted.event());
			}
		}
		BatchWriter.Result written = this.writer.write(BatchReducer.newestPerEntity(events));
		if (!written.refused().isEmpty()) {
			status.setRollbackOnly();
			written.refused().forEach((event, reason) -> refused.put(sources.get(event).record(), reason));
			return null;
		}
		BatchReport report = new BatchReport(written.applied(), parsed.size() - fresh.size());
		for (ParsedRecord record : fresh) {
			String reason = rejection(record, refused);
			if (reason != null) {
				this.deadLetters.publish(record.record(), reason);
			}
			report.count(record, reason);
		}
		this.offsets.advance(groupId, nextOffsets(parsed));
		return report;
	}

	private void sweepOrphans(List<ParsedRecord> parsed) {
		List<WorkflowEvent> events = parsed.stream()
			.map(ParsedRecord::outcome)
			.filter(Accepted.class::isInstance)
			.map((outcome) -> ((Accepted) outcome).event())
			.toList();
		try {
			this.orphans.sweep(events);
		}
		catch (DataAccessException ex) {
			// The batch is committed; the periodic sweep removes what this one could not.
			logger.warn("Could not sweep the instances of a committed batch; the periodic sweep will: {}",
					ex.getMessage());
		}
	}

	private static String rejection(ParsedRecord record, Map<ConsumerRecord<?, ?>, String> refused) {
		if (record.outcome() instanceof ParseOutcome.Rejected rejected) {
			return rejected.reason();
		}
		return refused.get(record.record());
	}

	// Behind: the batch starts past the database's position, unless the consumer was just
	// sent back to that very position and the broker still answered with this batch, as
	// offsets without records (transaction markers, compacted records) lie in between.
	private boolean isBehind(TopicPartition partition, long firstOffset, Map<TopicPartition, Long> positions) {
		long position = positions.get(partition);
		return position < firstOffset && !Long.valueOf(position).equals(this.rewoundTo.get(partition));
	}

	private static Map<TopicPartition, Long> firstOffsets(List<ParsedRecord> parsed) {
		Map<TopicPartition, Long> first = new HashMap<>();
		for (ParsedRecord record : parsed) {
			first.merge(record.partition(), record.record().offset(), Math::min);
		}
		return first;
	}

	private static Map<TopicPartition, Long> nextOffsets(List<ParsedRecord> parsed) {
		Map<TopicPartition, Long> next = new HashMap<>();
		for (ParsedRecord record : parsed) {
			next.merge(record.partition(), record.record().offset() + 1, Math::max);
		}
		return next;
	}

}

package io.workflowpersistence.worker.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.worker.testing.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each batch the ingestor applies returns what became of its records, the value the
 * metrics and the rebuild's summary both read; a batch the database is behind applies
 * nothing and says where to read again.
 */
class BatchOutcomeIntegrationTests extends IngestIntegrationTestSupport {

	private static final TopicPartition PARTITION = new TopicPartition("workflow.instances", 0);

	private static final String INSTANCE = EntityType.WORKFLOW_INSTANCE.prefix();

	@Autowired
	BatchIngestor ingestor;

	@Test
	void anAppliedBatchCountsEachRecordByOutcome() {
		String run = unique("outcome");
		String group = run + "-group";
		List<ConsumerRecord<byte[], byte[]>> batch = records(0, Events.instance(run + "-a").version(2).record(),
				Events.instance(run + "-a").version(1).record(), tombstone(run), notJson(run),
				Events.instance(run + "-b").version(1).record());

		BatchOutcome outcome = this.ingestor.ingest(batch, group);

		assertThat(outcome.isApplied()).isTrue();
		assertThat(outcome.records()).isEqualTo(5);
		assertThat(outcome.applied()).containsExactlyEntriesOf(Map.of(INSTANCE, 2));
		assertThat(outcome.stale()).containsExactlyEntriesOf(Map.of(INSTANCE, 1));
		assertThat(outcome.deadLettered()).containsExactlyEntriesOf(Map.of(IngestMetrics.UNKNOWN_TYPE, 1));
		assertThat(outcome.totals()).isEqualTo(new BatchOutcome.Totals(2, 1, 1, 1, 0));
		assertThat(count("SELECT count(*) FROM WorkflowInstances WHERE Id LIKE ?", run + "-%")).isEqualTo(2);
	}

	@Test
	void aBatchDeliveredAgainIsSkippedAsAlreadyApplied() {
		String run = unique("again");
		String group = run + "-group";
		List<ConsumerRecord<byte[], byte[]>> batch = records(0, Events.instance(run + "-a").version(1).record(),
				notJson(run), tombstone(run));
		this.ingestor.ingest(batch, group);

		BatchOutcome again = this.ingestor.ingest(batch, group);

		assertThat(again.isApplied()).isTrue();
		assertThat(again.totals()).isEqualTo(new BatchOutcome.Totals(0, 0, 0, 0, 3));
		assertThat(again.totals().plus(new BatchOutcome.Totals(1, 2, 3, 4, 5)))
			.isEqualTo(new BatchOutcome.Totals(1, 2, 3, 4, 8));
	}

	@Test
	void aBatchPastTheDatabasesPositionAppliesNothingAndSaysWhereToReadAgain() {
		String run = unique("behind");
		String group = run + "-group";
		this.ingestor.ingest(records(0, Events.instance(run + "-a").version(1).record()), group);

		BatchOutcome outcome = this.ingestor.ingest(records(7, Events.instance(run + "-b").version(1).record()), group);

		assertThat(outcome.isApplied()).isFalse();
		assertThat(outcome.rewind()).containsExactlyEntriesOf(Map.of(PARTITION, 1L));
		assertThat(outcome.totals()).isEqualTo(BatchOutcome.Totals.NONE);
		assertThat(count("SELECT count(*) FROM WorkflowInstances WHERE Id = ?", run + "-b")).isZero();
	}

	private static List<ConsumerRecord<byte[], byte[]>> records(long firstOffset,
			List<ProducerRecord<byte[], byte[]>> produced) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		long offset = firstOffset;
		for (ProducerRecord<byte[], byte[]> record : produced) {
			records.add(new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset++, 0L,
					TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(),
					new RecordHeaders(record.headers()), Optional.empty()));
		}
		return records;
	}

	@SafeVarargs
	private static List<ConsumerRecord<byte[], byte[]>> records(long firstOffset,
			ProducerRecord<byte[], byte[]>... produced) {
		return records(firstOffset, List.of(produced));
	}

	private static ProducerRecord<byte[], byte[]> tombstone(String run) {
		return Events.raw(PARTITION.topic(), run + "-tombstone", null);
	}

	private static ProducerRecord<byte[], byte[]> notJson(String run) {
		return Events.raw(PARTITION.topic(), run + "-junk", "not json".getBytes(StandardCharsets.UTF_8));
	}

}

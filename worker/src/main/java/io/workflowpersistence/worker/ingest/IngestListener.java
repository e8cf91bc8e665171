package io.workflowpersistence.worker.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.worker.store.OffsetStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Receives each polled batch and, when partitions are assigned, moves the consumer to the
 * position the database records for them: the database, not the broker's committed
 * offset, knows what has been applied (docs/contract.md, rule 6).
 */
class IngestListener implements BatchConsumerAwareMessageListener<byte[], byte[]>, ConsumerAwareRebalanceListener {

	private static final Logger logger = LoggerFactory.getLogger(IngestListener.class);

	private final BatchIngestor ingestor;

	private final OffsetStore offsets;

	private final IngestHealth health;

	private final IngestFreshness freshness;

	private final IngestMetrics metrics;

	private final IngestConsumers consumers;

	IngestListener(BatchIngestor ingestor, OffsetStore offsets, IngestHealth health, Observers observers) {
		this.ingestor = ingestor;
		this.offsets = offsets;
		this.health = health;
		this.freshness = observers.freshness();
		this.metrics = observers.metrics();
		this.consumers = observers.consumers();
	}

	@Override
	public void onMessage(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
		try {
			BatchOutcome outcome = this.ingestor.ingest(records, consumer.groupMetadata().groupId());
			outcome.rewind().forEach(consumer::seek);
			this.metrics.record(outcome);
			this.health.batchApplied();
			if (outcome.rewind().isEmpty()) {
				this.freshness.committed(records, consumer);
			}
			else {
				this.freshness.notApplied(records);
			}
		}
		catch (RuntimeException ex) {
			// The container's error handler pauses the consumer and retries the batch.
			this.health.batchFailed(ex);
			this.freshness.notApplied(records);
			throw ex;
		}
	}

	// Kafka calls the rebalance callbacks on the consumer's own thread, during its poll.
	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		unassigned(partitions);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		unassigned(partitions);
	}

	private void unassigned(Collection<TopicPartition> partitions) {
		this.freshness.unassigned(partitions);
		this.consumers.unassigned(Thread.currentThread(), partitions);
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		// Called at the end of every rebalance, with no partitions too.
		this.consumers.assigned(Thread.currentThread(), consumer.groupMetadata().generationId(), partitions);
		if (partitions.isEmpty()) {
			return;
		}
		try {
			Map<TopicPartition, Long> positions = this.offsets.findPositions(consumer.groupMetadata().groupId());
			for (TopicPartition partition : partitions) {
				Long position = positions.get(partition);
				if (position != null) {
					consumer.seek(partition, position);
				}
			}
			logger.info("Assigned {} partitions; positions from the database: {}", partitions.size(),
					positions.keySet().stream().filter(partitions::contains).count());
		}
		catch (DataAccessException ex) {
			// Each batch checks the database's positions again in its transaction, so
			// starting from the broker's offsets applies nothing twice.
			logger.warn("Could not read positions from the database; starting from the broker's offsets: {}",
					ex.getMessage());
		}
	}

	/**
	 * What is told of each batch's outcome besides the health, the freshness gauges and
	 * the ingest metrics, and of each rebalance: the partitions each consumer thread
	 * holds.
	 */
	record Observers(IngestFreshness freshness, IngestMetrics metrics, IngestConsumers consumers) {
	}

}

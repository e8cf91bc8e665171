package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.workflowpersistence.worker.ingest.BatchIngestor;
import io.workflowpersistence.worker.ingest.BatchOutcome;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * One consumer of a rebuild, assigned a fixed share of the partitions: it reads them up
 * to given end offsets and hands each poll, as one batch, to live ingestion's batch path.
 * Records at or past a partition's end are left for a later round. Longer than most
 * classes: the consumer's loop, its retries and its progress belong to one thread.
 */
final class PartitionReader implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(PartitionReader.class);

	private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

	// Live ingestion retries a batch without end; a rebuild, run by someone who can run
	// it again from where it stopped, reports the failure after a few attempts.
	private static final int ATTEMPTS = 6;

	private final Consumer<byte[], byte[]> consumer;

	private final List<TopicPartition> partitions;

	private final BatchIngestor ingestor;

	private final BackOff retry;

	private final String group;

	private final RebuildProgress progress;

	private final Tally tally;

	PartitionReader(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Replay replay) {
		this.consumer = consumer;
		this.partitions = partitions;
		this.ingestor = replay.ingestor();
		this.retry = replay.retry();
		this.group = replay.group();
		this.progress = replay.progress();
		this.tally = replay.tally();
	}

	/**
	 * Assigns the partitions and moves to the positions the schema records for them, else
	 * to their earliest offsets.
	 */
	void start(Map<TopicPartition, Long> positions) {
		this.consumer.assign(this.partitions);
		List<TopicPartition> fromEarliest = new ArrayList<>();
		for (TopicPartition partition : this.partitions) {
			Long position = positions.get(partition);
			if (position != null) {
				this.consumer.seek(partition, position);
			}
			else {
				fromEarliest.add(partition);
			}
		}
		this.consumer.seekToBeginning(fromEarliest);
		this.consumer.pause(this.partitions);
	}

	void readUpTo(Map<TopicPartition, Long> ends) {
		Set<TopicPartition> reading = new HashSet<>();
		for (TopicPartition partition : this.partitions) {
			if (this.consumer.position(partition) < ends.get(partition)) {
				reading.add(partition);
			}
		}
		this.consumer.resume(reading);
		while (!reading.isEmpty()) {
			if (this.tally.stopping().get()) {
				throw new CancellationException("The rebuild was stopped");
			}
			apply(this.consumer.poll(POLL_TIMEOUT), ends);
			for (Iterator<TopicPartition> partitions = reading.iterator(); partitions.hasNext();) {
				TopicPartition partition = partitions.next();
				long position = this.consumer.position(partition);
				this.progress.moved(partition, position);
				if (position >= ends.get(partition)) {
					this.consumer.pause(List.of(partition));
					partitions.remove();
				}
			}
		}
	}

	private void apply(ConsumerRecords<byte[], byte[]> polled, Map<TopicPartition, Long> ends) {
		List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(polled.count());
		Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
		for (TopicPartition partition : polled.partitions()) {
			long end = ends.get(partition);
			for (ConsumerRecord<byte[], byte[]> record : polled.records(partition)) {
				if (record.offset() < end) {
					batch.add(record);
					next.put(partition, new OffsetAndMetadata(record.offset() + 1));
				}
			}
			if (this.consumer.position(partition) > end) {
				this.consumer.seek(partition, end);
			}
		}
		if (batch.isEmpty()) {
			return;
		}
		BatchOutcome outcome = ingest(batch);
		if (outcome.isApplied()) {
			this.tally.read().addAndGet(batch.size());
			this.tally.totals().accumulateAndGet(outcome.totals(), BatchOutcome.Totals::plus);
			// Only to show the rebuild's progress to Kafka's tools: the schema's
			// positions are the ones that count, so a failed commit does not matter.
			this.consumer.commitAsync(next, (offsets, ex) -> {
				if (ex != null) {
					logger.debug("Could not commit the rebuild's offsets {}: {}", offsets, ex.getMessage());
				}
			});
		}
		outcome.rewind().forEach(this.consumer::seek);
	}

	// Data the database refuses is dead-lettered inside the ingestor; what fails a batch
	// is the database or the broker, which may well come back (a deadlock with a live
	// worker writing the same rows in place, a restart).
	private BatchOutcome ingest(List<ConsumerRecord<byte[], byte[]>> batch) {
		BackOffExecution waits = this.retry.start();
		for (int attempt = 1;; attempt++) {
			try {
				return this.ingestor.ingest(batch, this.group);
			}
			catch (RuntimeException ex) {
				if (attempt >= ATTEMPTS || this.tally.stopping().get()) {
					throw ex;
				}
				Duration wait = Duration.ofMillis(waits.nextBackOff());
				logger.warn("A batch of {} records failed ({}); trying again in {}", batch.size(), ex.getMessage(),
						Durations.format(wait));
				sleep(wait);
			}
		}
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("The rebuild was stopped");
		}
	}

	/**
	 * Where this reader's consumer stands in each of its partitions.
	 */
	Map<TopicPartition, Long> positions() {
		Map<TopicPartition, Long> positions = new HashMap<>();
		this.partitions.forEach((partition) -> positions.put(partition, this.consumer.position(partition)));
		return positions;
	}

	List<TopicPartition> partitions() {
		return this.partitions;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	/**
	 * What the readers of one rebuild share.
	 */
	record Replay(BatchIngestor ingestor, BackOff retry, String group, RebuildProgress progress, Tally tally) {
	}

	/**
	 * What the readers of one rebuild count together, and whether they are asked to stop.
	 */
	record Tally(AtomicBoolean stopping, AtomicLong read, AtomicReference<BatchOutcome.Totals> totals) {
	}

}

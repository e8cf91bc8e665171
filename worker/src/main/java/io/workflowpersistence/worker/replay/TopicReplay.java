package io.workflowpersistence.worker.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.workflowpersistence.worker.ingest.BatchIngestor;
import io.workflowpersistence.worker.ingest.BatchOutcome;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the partitions of a rebuild with several consumers in parallel, each with a fixed
 * share of them, in rounds: each round reads every partition up to an end offset.
 */
final class TopicReplay implements AutoCloseable {

	private final List<PartitionReader> readers;

	private final ExecutorService executor;

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final AtomicLong read = new AtomicLong();

	private final AtomicReference<BatchOutcome.Totals> totals = new AtomicReference<>(BatchOutcome.Totals.NONE);

	private final RebuildProgress progress;

	TopicReplay(CommandContext context, BatchIngestor ingestor, String group, RebuildProgress progress, int threads) {
		this.progress = progress;
		PartitionReader.Replay replay = new PartitionReader.Replay(ingestor, context.ingestors().retry(), group,
				progress, new PartitionReader.Tally(this.stopping, this.read, this.totals));
		this.readers = new ArrayList<>();
		for (int index = 0; index < threads; index++) {
			this.readers
				.add(new PartitionReader(context.consumer(group, "rebuild-" + index), new ArrayList<>(), replay));
		}
		AtomicInteger count = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(threads,
				(task) -> new Thread(task, "rebuild-reader-" + count.incrementAndGet()));
	}

	/**
	 * Shares the partitions out among the readers and moves each to the position the
	 * schema records, else to the earliest offset.
	 */
	void start(List<TopicPartition> partitions, Map<TopicPartition, Long> positions) {
		for (int index = 0; index < partitions.size(); index++) {
			this.readers.get(index % this.readers.size()).partitions().add(partitions.get(index));
		}
		for (Iterator<PartitionReader> readers = this.readers.iterator(); readers.hasNext();) {
			PartitionReader reader = readers.next();
			if (reader.partitions().isEmpty()) {
				reader.close();
				readers.remove();
			}
		}
		this.readers.forEach((reader) -> reader.start(positions));
		positions().forEach((partition, position) -> this.progress.track(partition, position, position));
	}

	/**
	 * Reads every partition up to its end offset; returns when all are there.
	 */
	void readUpTo(Map<TopicPartition, Long> ends) {
		ends.forEach(this.progress::extend);
		List<Future<?>> rounds = new ArrayList<>();
		for (PartitionReader reader : this.readers) {
			rounds.add(this.executor.submit(() -> reader.readUpTo(ends)));
		}
		try {
			for (Future<?> round : rounds) {
				round.get();
			}
		}
		catch (ExecutionException ex) {
			this.stopping.set(true);
			awaitQuietly(rounds);
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			// A signal: the readers stop after their current batch, which is committed.
			this.stopping.set(true);
			awaitQuietly(rounds);
			throw new CancellationException("The rebuild was stopped");
		}
	}

	/**
	 * Where the consumers stand: every record before is applied to the schema.
	 */
	Map<TopicPartition, Long> positions() {
		Map<TopicPartition, Long> positions = new HashMap<>();
		this.readers.forEach((reader) -> positions.putAll(reader.positions()));
		return positions;
	}

	/**
	 * Records read and handed to ingestion so far.
	 */
	long read() {
		return this.read.get();
	}

	/**
	 * What became of the records applied so far.
	 */
	BatchOutcome.Totals totals() {
		return this.totals.get();
	}

	/**
	 * Asks the readers to stop after their current batch.
	 */
	void stop() {
		this.stopping.set(true);
	}

	// Waits for every reader to end, whatever ends it, so that no consumer is closed
	// while
	// in use.
	private static void awaitQuietly(List<Future<?>> rounds) {
		for (Future<?> round : rounds) {
			boolean ended = false;
			while (!ended) {
				try {
					round.get();
					ended = true;
				}
				catch (ExecutionException | CancellationException ex) {
					ended = true;
				}
				catch (InterruptedException ex) {
					// Stopping already: wait for the reader all the same.
				}
			}
		}
	}

	@Override
	public void close() {
		this.stopping.set(true);
		this.executor.shutdownNow();
		this.readers.forEach(PartitionReader::close);
	}

}

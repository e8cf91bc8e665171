package io.workflowpersistence.simulator;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A simulated Elsa engine: the events it publishes, as CloudEvents Kafka records on the
 * contract's topics and keys. First the catalog (categories, custom activities, workflow
 * definitions published version after version with tags and a category, their triggers),
 * then workflow instances running through their lives: activities started and completed
 * (some faulted with an exception), bookmarks created when the instance is suspended and
 * deleted when it resumes, instances finished, faulted or cancelled, some deleted later.
 * <p>
 * Deterministic: the same settings give the same records, byte for byte; ids come from
 * the seed, times advance from the start time, and nothing reads the clock. Instances,
 * activities and bookmarks are keyed by instance id, definitions and triggers by
 * definition id, categories and custom activities by their own id; each entity's
 * {@code entityversion} grows by one with each of its events.
 */
public final class EngineSimulator {

	private final SimulatorSettings settings;

	private final Counters counters = new Counters();

	public EngineSimulator(SimulatorSettings settings) {
		this.settings = settings;
	}

	/**
	 * A new run: its records, generated as the stream is consumed; endless when the
	 * settings ask for instances without end.
	 */
	public Stream<ProducerRecord<byte[], byte[]>> records() {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
				Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
	}

	/**
	 * A new run, as an iterator.
	 */
	public Iterator<ProducerRecord<byte[], byte[]>> iterator() {
		return new EventGenerator(this.settings, this.counters);
	}

	/**
	 * The counts of the records all runs of this simulator have produced so far.
	 */
	public EventCounts counts() {
		return this.counters.snapshot();
	}

	public SimulatorSettings settings() {
		return this.settings;
	}

}

package io.workflowpersistence.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Random;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One run of the simulator as a lazy sequence of Kafka records: the catalog first, then
 * the instances, started at random intervals and interleaved in the order their events
 * are delivered. Four random sequences, each from the seed, keep concerns apart:
 * arrivals, each instance's own life, the reordering of deliveries, and the content mode
 * and re-sends.
 */
final class EventGenerator implements Iterator<ProducerRecord<byte[], byte[]>> {

	private static final int RECENT = 64;

	private final SimulatorSettings settings;

	private final RecordEncoder encoder;

	private final Counters counters;

	private final Random arrivals;

	private final Random delivery;

	private final Iterator<PlannedEvent> catalog;

	private final PriorityQueue<Cursor> running = new PriorityQueue<>(
			Comparator.comparing(Cursor::emitAt).thenComparingLong(Cursor::serial));

	private final Queue<ProducerRecord<byte[], byte[]>> pending = new ArrayDeque<>();

	private final List<Sent> recent = new ArrayList<>(RECENT);

	private long started;

	private Instant nextStart;

	EventGenerator(SimulatorSettings settings, Counters counters) {
		this.settings = settings;
		this.encoder = new RecordEncoder(settings.seed(), settings.source());
		this.counters = counters;
		this.arrivals = new Random(Ids.mix(settings.seed(), "arrivals"));
		this.delivery = new Random(Ids.mix(settings.seed(), "delivery"));
		List<PlannedEvent> catalogEvents = CatalogEvents.plan(settings.startTime());
		// From when the events happened, not when they are delivered: the instances must
		// not depend on the delivery.
		Instant catalogEnd = catalogEvents.get(catalogEvents.size() - 1).time();
		this.catalog = Reordering
			.apply(catalogEvents, new Random(Ids.mix(settings.seed(), "catalog-order")), settings.outOfOrderRate())
			.iterator();
		this.nextStart = catalogEnd.plusMillis(1);
	}

	@Override
	public boolean hasNext() {
		return !this.pending.isEmpty() || this.catalog.hasNext() || mayStartMore() || !this.running.isEmpty();
	}

	@Override
	public ProducerRecord<byte[], byte[]> next() {
		if (!this.pending.isEmpty()) {
			return this.pending.poll();
		}
		PlannedEvent event = nextEvent();
		if (event == null) {
			throw new NoSuchElementException("The run has ended");
		}
		boolean binary = this.delivery.nextDouble() < this.settings.binaryRate();
		ProducerRecord<byte[], byte[]> record = this.encoder.encode(event, binary);
		this.counters.record(event.type(), binary);
		if (event.emitAt().isAfter(event.time())) {
			this.counters.outOfOrder();
		}
		remember(new Sent(record, event.type(), binary));
		if (this.delivery.nextDouble() < this.settings.duplicateRate()) {
			Sent again = this.recent.get(this.delivery.nextInt(this.recent.size()));
			this.pending.add(RecordEncoder.copy(again.record()));
			this.counters.record(again.type(), again.binary());
			this.counters.duplicate();
		}
		return record;
	}

	private PlannedEvent nextEvent() {
		if (this.catalog.hasNext()) {
			return this.catalog.next();
		}
		while (mayStartMore() && (this.running.isEmpty() || !this.nextStart.isAfter(this.running.peek().emitAt()))) {
			startInstance();
		}
		Cursor cursor = this.running.poll();
		if (cursor == null) {
			return null;
		}
		PlannedEvent event = cursor.take();
		if (!cursor.isDone()) {
			this.running.add(cursor);
		}
		return event;
	}

	private void startInstance() {
		long index = this.started++;
		List<PlannedEvent> events = InstanceScript.plan(this.settings, index, this.nextStart);
		Random order = new Random(Ids.mix(Ids.mix(this.settings.seed(), "order"), index));
		List<PlannedEvent> delivered = Reordering.apply(events, order, this.settings.outOfOrderRate());
		this.running.add(new Cursor(delivered, index));
		double mean = this.settings.instanceInterval().toMillis();
		long gap = 1 + Math.round(-mean * StrictMath.log(1 - this.arrivals.nextDouble()));
		this.nextStart = this.nextStart.plusMillis(gap);
	}

	private boolean mayStartMore() {
		return this.settings.instances() == 0 || this.started < this.settings.instances();
	}

	private void remember(Sent sent) {
		if (this.recent.size() == RECENT) {
			this.recent.remove(0);
		}
		this.recent.add(sent);
	}

	private record Sent(ProducerRecord<byte[], byte[]> record, String type, boolean binary) {
	}

	/**
	 * The events of one instance not yet delivered; changed only while out of the queue.
	 */
	private static final class Cursor {

		private final List<PlannedEvent> events;

		private final long serial;

		private int position;

		Cursor(List<PlannedEvent> events, long serial) {
			this.events = events;
			this.serial = serial;
		}

		Instant emitAt() {
			return this.events.get(this.position).emitAt();
		}

		long serial() {
			return this.serial;
		}

		PlannedEvent take() {
			return this.events.get(this.position++);
		}

		boolean isDone() {
			return this.position == this.events.size();
		}

	}

}

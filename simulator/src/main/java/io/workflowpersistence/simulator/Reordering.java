package io.workflowpersistence.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Delays the delivery of some events until just after the next version of their entity,
 * so that the consumer sees the newer version first (on the same topic and key), as
 * happens when a producer retries a send.
 */
final class Reordering {

	private Reordering() {
	}

	/**
	 * The events in delivery order, each event that has a later version of its entity
	 * delayed with probability {@code rate}.
	 * @param events the events in the order they happened
	 */
	static List<PlannedEvent> apply(List<PlannedEvent> events, Random random, double rate) {
		List<PlannedEvent> delivered = new ArrayList<>(events);
		// From the last to the first, so that an event goes after its successor's final
		// place even when that successor is delayed too.
		for (int index = delivered.size() - 2; index >= 0; index--) {
			PlannedEvent event = delivered.get(index);
			PlannedEvent next = nextOfSameEntity(delivered, index);
			if (next != null && random.nextDouble() < rate) {
				delivered.set(index, event.delayedTo(next.emitAt().plusMillis(1)));
			}
		}
		delivered.sort(Comparator.comparing(PlannedEvent::emitAt));
		return delivered;
	}

	private static PlannedEvent nextOfSameEntity(List<PlannedEvent> events, int index) {
		PlannedEvent event = events.get(index);
		for (int later = index + 1; later < events.size(); later++) {
			PlannedEvent candidate = events.get(later);
			if (candidate.family() == event.family() && Objects.equals(candidate.entityId(), event.entityId())) {
				return candidate;
			}
		}
		return null;
	}

}

package io.workflowpersistence.bench;

import io.workflowpersistence.simulator.SimulatorSettings;

/**
 * The simulated engine of the benchmark: instances without end (the number of events
 * decides where it stops), with their activity records, bookmarks and the catalog's
 * triggers, about 5% of the records re-sent and about 5% delivered after a newer version
 * of their entity, 30% in binary content mode, the rest structured. Only about half of
 * the events have a newer version to be delivered after, hence a reordering chance of 10%
 * for them.
 */
final class BenchSimulation {

	static final double DUPLICATE_RATE = 0.05;

	static final double OUT_OF_ORDER_RATE = 0.1;

	static final double BINARY_RATE = 0.3;

	private BenchSimulation() {
	}

	static SimulatorSettings settings(long seed) {
		return SimulatorSettings.defaults()
			.withSeed(seed)
			.withInstances(0)
			.withDelivery(DUPLICATE_RATE, OUT_OF_ORDER_RATE, BINARY_RATE);
	}

}

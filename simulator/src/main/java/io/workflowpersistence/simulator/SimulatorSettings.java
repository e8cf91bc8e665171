package io.workflowpersistence.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What the simulator generates. The entities and their versions depend only on
 * {@code seed}, {@code instances}, {@code startTime}, {@code instanceInterval} and the
 * three outcome rates; the delivery rates ({@code duplicateRate}, {@code outOfOrderRate},
 * {@code binaryRate}) only change how the same events reach the topics, so every run with
 * the same seed must leave the same database.
 *
 * @param seed the seed every id, time and choice is derived from
 * @param instances how many workflow instances to run; {@code 0} runs them without end
 * @param duplicateRate the chance that a record is sent once more, a little later (a
 * re-send of the same bytes)
 * @param outOfOrderRate the chance that an event which has a newer version of its entity
 * after it is delivered after that newer version (same topic and key)
 * @param binaryRate the share of events in binary content mode (the rest structured)
 * @param faultRate the share of instances in which an activity faults, ending the
 * instance as faulted
 * @param cancelRate the share of instances cancelled while waiting on a bookmark
 * @param deleteRate the share of ended instances deleted a while after they ended
 * @param startTime the time of the first event; event times advance from it
 * @param instanceInterval the mean time between the starts of two instances
 * @param source the CloudEvents {@code source} of the instance events
 */
public record SimulatorSettings(long seed, int instances, double duplicateRate, double outOfOrderRate,
		double binaryRate, double faultRate, double cancelRate, double deleteRate, Instant startTime,
		Duration instanceInterval, String source) {

	private static final Instant DEFAULT_START_TIME = Instant.parse("2026-11-24T08:00:00Z");

	public SimulatorSettings {
		if (instances < 0) {
			throw new IllegalArgumentException("instances must be 0 (without end) or more but was " + instances);
		}
		rate("duplicateRate", duplicateRate);
		rate("outOfOrderRate", outOfOrderRate);
		rate("binaryRate", binaryRate);
		rate("faultRate", faultRate);
		rate("cancelRate", cancelRate);
		rate("deleteRate", deleteRate);
		if (faultRate + cancelRate > 1) {
			throw new IllegalArgumentException("faultRate and cancelRate must add up to at most 1");
		}
		if (startTime == null) {
			throw new IllegalArgumentException("startTime is required");
		}
		if (instanceInterval == null || instanceInterval.isNegative() || instanceInterval.isZero()) {
			throw new IllegalArgumentException("instanceInterval must be positive but was " + instanceInterval);
		}
		if (source == null || source.isBlank()) {
			throw new IllegalArgumentException("source is required");
		}
	}

	/**
	 * Seed 1, 200 instances, 2% duplicates, 2% out of order, 30% binary mode, 8% faulted,
	 * 5% cancelled, 10% deleted, starting at 2026-11-24T08:00:00Z, an instance every 400
	 * ms.
	 */
	public static SimulatorSettings defaults() {
		return new SimulatorSettings(1, 200, 0.02, 0.02, 0.3, 0.08, 0.05, 0.1, DEFAULT_START_TIME,
				Duration.ofMillis(400), "/elsa/engine-1");
	}

	public SimulatorSettings withSeed(long seed) {
		return new SimulatorSettings(seed, this.instances, this.duplicateRate, this.outOfOrderRate, this.binaryRate,
				this.faultRate, this.cancelRate, this.deleteRate, this.startTime, this.instanceInterval, this.source);
	}

	public SimulatorSettings withInstances(int instances) {
		return new SimulatorSettings(this.seed, instances, this.duplicateRate, this.outOfOrderRate, this.binaryRate,
				this.faultRate, this.cancelRate, this.deleteRate, this.startTime, this.instanceInterval, this.source);
	}

	/**
	 * These settings with other delivery rates: the same events, delivered differently.
	 */
	public SimulatorSettings withDelivery(double duplicateRate, double outOfOrderRate, double binaryRate) {
		return new SimulatorSettings(this.seed, this.instances, duplicateRate, outOfOrderRate, binaryRate,
				this.faultRate, this.cancelRate, this.deleteRate, this.startTime, this.instanceInterval, this.source);
	}

	/**
	 * These settings with other outcome rates.
	 */
	public SimulatorSettings withOutcomes(double faultRate, double cancelRate, double deleteRate) {
		return new SimulatorSettings(this.seed, this.instances, this.duplicateRate, this.outOfOrderRate,
				this.binaryRate, faultRate, cancelRate, deleteRate, this.startTime, this.instanceInterval, this.source);
	}

	public SimulatorSettings withStartTime(Instant startTime) {
		return new SimulatorSettings(this.seed, this.instances, this.duplicateRate, this.outOfOrderRate,
				this.binaryRate, this.faultRate, this.cancelRate, this.deleteRate, startTime, this.instanceInterval,
				this.source);
	}

	private static void rate(String name, double rate) {
		if (!(rate >= 0 && rate <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1 but was " + rate);
		}
	}

}

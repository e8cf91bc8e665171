package io.workflowpersistence.bench;

import java.util.List;

/**
 * One drain of the pre-loaded topics by several worker jars in one consumer group.
 *
 * @param workers the workers in the group
 * @param events the events committed between the drain's first and last reading
 * @param seconds the time between those readings
 * @param shares what each worker held, did and used
 * @param group the group's assignment at the end of the drain, as the broker describes it
 * @param postgresCores CPU of the database's backends per second of the drain (1.00 = one
 * core busy)
 * @param machineCores CPU of the whole machine per second of the drain
 * @param secondHalf the CPU per event in the second half of the drain, once the workers
 * are warm
 * @param differingTables the tables whose final rows differ from those the reference run
 * left, or {@code null} for the reference run itself
 * @param loadAverage the machine's load average when the drain ended
 */
record ScaleOutResult(int workers, long events, double seconds, List<WorkerShare> shares, GroupAssignment group,
		double postgresCores, double machineCores, PerEvent secondHalf, List<String> differingTables,
		double loadAverage) {

	double rate() {
		return this.events / this.seconds;
	}

	/**
	 * The CPU of every worker of the group per event drained, in microseconds.
	 */
	double workerMicrosPerEvent() {
		return this.shares.stream().mapToDouble(WorkerShare::cpuCores).sum() * this.seconds * 1e6 / this.events;
	}

	double postgresMicrosPerEvent() {
		return this.postgresCores * this.seconds * 1e6 / this.events;
	}

	ScaleOutResult withDifferingTables(List<String> tables) {
		return new ScaleOutResult(this.workers, this.events, this.seconds, this.shares, this.group, this.postgresCores,
				this.machineCores, this.secondHalf, tables, this.loadAverage);
	}

	/**
	 * CPU per event, in microseconds.
	 *
	 * @param workerMicros of every worker of the group
	 * @param postgresMicros of the database's backends
	 */
	record PerEvent(double workerMicros, double postgresMicros) {
	}

	/**
	 * One worker of the group.
	 *
	 * @param name its name in the report, {@code worker-1} and so on
	 * @param partitions the partitions its consumers held at the end of the drain, as
	 * {@code topic-partition}, in the broker's assignment
	 * @param events the events it counted, whatever their outcome
	 * @param cpuCores its CPU per second of the drain
	 * @param peakHeap its largest heap in use, in bytes
	 * @param peakResident its largest resident set, in bytes
	 */
	record WorkerShare(String name, List<String> partitions, long events, double cpuCores, double peakHeap,
			long peakResident) {
	}

}

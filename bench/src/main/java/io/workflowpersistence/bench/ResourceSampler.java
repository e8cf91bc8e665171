package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * Twice a second, the CPU time used so far by the processes of a measurement (the one
 * measured, the broker, the PostgreSQL backends serving its database), and the resident
 * memory and heap of the one measured.
 */
final class ResourceSampler implements AutoCloseable {

	static final String POSTGRES = "PostgreSQL backends";

	/**
	 * The whole machine: every process, the kernel's work for them included.
	 */
	static final String MACHINE = "machine";

	private static final long INTERVAL_MILLIS = 500;

	private static final String BACKENDS = """
			SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
			""";

	private final long measured;

	private final Map<String, Long> processes;

	private final DoubleSupplier heap;

	private final Connection database;

	private final Map<Long, Long> backendCpu = new HashMap<>();

	private final List<Reading> readings = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	/**
	 * @param measured the pid whose memory is read
	 * @param processes the pids whose CPU time is read, by name
	 * @param heap the heap in use of the measured process, in bytes (-1 if unknown)
	 * @param database the database whose backends' CPU time is read
	 */
	ResourceSampler(long measured, Map<String, Long> processes, DoubleSupplier heap, DatabaseInfo database)
			throws java.sql.SQLException {
		this.measured = measured;
		this.processes = new LinkedHashMap<>(processes);
		this.heap = heap;
		this.database = Databases.connect(database);
		this.thread = new Thread(this::run, "resource-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	List<Reading> readings() {
		return List.copyOf(this.readings);
	}

	/**
	 * What was used between two times: CPU seconds per process, peak memory and heap.
	 */
	Usage usage(long fromNanos, long toNanos) {
		List<Reading> readings = readings();
		// The readings that bracket the time: the last one before it and the first after.
		Reading first = null;
		Reading last = null;
		for (Reading reading : readings) {
			if (first == null || reading.nanos() <= fromNanos) {
				first = reading;
			}
			if (last == null || last.nanos() < toNanos) {
				last = reading;
			}
		}
		if (first == null || last.nanos() <= first.nanos()) {
			return new Usage(Map.of(), 0, 0);
		}
		long peakResident = 0;
		double peakHeap = 0;
		for (Reading reading : readings) {
			if (reading.nanos() >= first.nanos() && reading.nanos() <= last.nanos()) {
				peakResident = Math.max(peakResident, reading.resident());
				peakHeap = Math.max(peakHeap, reading.heap());
			}
		}
		Map<String, Double> cpu = new LinkedHashMap<>();
		double seconds = (last.nanos() - first.nanos()) / 1e9;
		for (String name : first.cpuNanos().keySet()) {
			cpu.put(name, (last.cpuNanos().get(name) - first.cpuNanos().get(name)) / 1e9 / seconds);
		}
		return new Usage(cpu, peakResident, peakHeap);
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(5_000);
			this.database.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.sql.SQLException ex) {
			// Only a monitoring connection.
		}
	}

	private void run() {
		while (this.running) {
			long now = System.nanoTime();
			Map<String, Long> cpu = new LinkedHashMap<>();
			this.processes.forEach((name, pid) -> cpu.put(name, Math.max(0, ProcessStats.cpuNanos(pid))));
			cpu.put(POSTGRES, backendsCpu());
			cpu.put(MACHINE, Math.max(0, ProcessStats.machineBusyNanos()));
			this.readings
				.add(new Reading(now, ProcessStats.residentBytes(this.measured), this.heap.getAsDouble(), cpu));
			try {
				Thread.sleep(INTERVAL_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * The CPU time of every backend of the database seen so far; one that has ended keeps
	 * its last reading.
	 */
	private long backendsCpu() {
		try (PreparedStatement statement = this.database.prepareStatement(BACKENDS);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				long pid = result.getLong(1);
				long cpu = ProcessStats.cpuNanos(pid);
				if (cpu >= 0) {
					this.backendCpu.put(pid, cpu);
				}
			}
		}
		catch (java.sql.SQLException ex) {
			// Keep the last readings.
		}
		return this.backendCpu.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * One reading.
	 */
	record Reading(long nanos, long resident, double heap, Map<String, Long> cpuNanos) {
	}

	/**
	 * What a measurement used.
	 *
	 * @param cpuCores CPU time per second of wall time (1.0 = one core busy), by process
	 * @param peakResident the largest resident set of the measured process, in bytes
	 * @param peakHeap the largest heap in use of the measured process, in bytes
	 */
	record Usage(Map<String, Double> cpuCores, long peakResident, double peakHeap) {
	}

}

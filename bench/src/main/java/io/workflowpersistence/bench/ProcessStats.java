package io.workflowpersistence.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about a process in {@code /proc}: its resident memory and the CPU time
 * all its threads have used. Unknown values (another system, a process that has ended)
 * are {@code -1}.
 */
final class ProcessStats {

	// USER_HZ is 100 on every Linux architecture the JDK runs on.
	private static final long NANOS_PER_TICK = 10_000_000L;

	private ProcessStats() {
	}

	/**
	 * The resident set size (VmRSS) in bytes.
	 */
	static long residentBytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
					return Long.parseLong(kilobytes) * 1024;
				}
			}
			return -1;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * User plus system CPU time, in nanoseconds.
	 */
	static long cpuNanos(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
			// The command name, in parentheses, may contain spaces: count fields after
			// it.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long user = Long.parseLong(fields[11]);
			long system = Long.parseLong(fields[12]);
			return (user + system) * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * The CPU time all processors of the machine have spent busy (not idle, not waiting
	 * for I/O) since boot, in nanoseconds.
	 */
	static long machineBusyNanos() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			// cpu user nice system idle iowait irq softirq steal ...
			for (int index : new int[] { 1, 2, 3, 6, 7, 8 }) {
				busy += Long.parseLong(fields[index]);
			}
			return busy * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * The load average of the last minute, or -1.
	 */
	static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}

package io.workflowpersistence.bench;

import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.bench.ProgressSampler.Sample;

/**
 * How fast a consumer worked through pre-loaded topics, from the readings of its
 * progress: from the first reading that shows work done to the first that shows all of
 * it, so that start-up (JVM, migrations, group join) is not counted, and only the records
 * done between those two readings are.
 *
 * @param records the records done between the two readings
 * @param seconds the time between them
 * @param startNanos the time of the first reading showing work done
 * @param endNanos the time of the first reading showing all of it
 * @param rates records per second in consecutive windows from the start
 * @param window the length of each window, in seconds
 */
record Drain(long records, double seconds, long startNanos, long endNanos, List<Double> rates, double window) {

	/**
	 * The drain from readings up to {@code total}.
	 * @throws IllegalStateException when the readings never reach {@code total}
	 */
	static Drain of(List<Sample> samples, long total, double window) {
		Sample first = samples.stream()
			.filter((sample) -> sample.value() > 0)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No progress was ever read"));
		Sample last = samples.stream()
			.filter((sample) -> sample.value() >= total)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The readings never reached " + total));
		List<Double> rates = new ArrayList<>();
		long windowNanos = (long) (window * 1e9);
		long previous = first.value();
		for (long end = first.nanos() + windowNanos; end < last.nanos() + windowNanos; end += windowNanos) {
			long atEnd = valueAt(samples, end);
			rates.add((atEnd - previous) / window);
			previous = atEnd;
		}
		return new Drain(total - first.value(), (last.nanos() - first.nanos()) / 1e9, first.nanos(), last.nanos(),
				rates, window);
	}

	double rate() {
		return this.records / this.seconds;
	}

	/**
	 * The last reading taken at or before the time.
	 */
	private static long valueAt(List<Sample> samples, long nanos) {
		long value = 0;
		for (Sample sample : samples) {
			if (sample.nanos() > nanos) {
				break;
			}
			value = sample.value();
		}
		return value;
	}

}

package io.workflowpersistence.worker.replay;

import java.time.Duration;

/**
 * Durations as people read them: {@code 1h02m03s}, {@code 2m05s}, {@code 12s},
 * {@code 0.4s}.
 */
final class Durations {

	private Durations() {
	}

	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 10) {
			return String.format("%.1fs", duration.toMillis() / 1000.0);
		}
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return String.format("%dm%02ds", seconds / 60, seconds % 60);
		}
		return String.format("%dh%02dm%02ds", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
	}

}

package io.workflowpersistence.bench;

import java.nio.file.Path;

/**
 * What every measurement of a benchmark run shares: its options, the broker, the events
 * loaded into it and the directory for logs and files.
 */
record Setup(BenchOptions options, KafkaServer kafka, EventLoad load, Path directory) {

	long events() {
		return this.load.events();
	}

}

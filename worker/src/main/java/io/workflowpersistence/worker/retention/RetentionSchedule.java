package io.workflowpersistence.worker.retention;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.workflowpersistence.worker.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs a sweep, then purges old removal records, every sweep interval (the first at
 * start-up), on workers that consume (not on a read-only worker, nor inside a command)
 * and only when a time-to-live is set. On a thread of its own: a long first sweep does
 * not hold up the worker's other scheduled tasks. Several workers may sweep at once: each
 * chunk checks its rows again once locked, so they only share the work less well.
 */
@Component
class RetentionSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RetentionSchedule.class);

	private final RetentionSweep sweep;

	private final RetentionProperties properties;

	private final IngestProperties ingest;

	private ScheduledExecutorService executor;

	RetentionSchedule(RetentionSweep sweep, RetentionProperties properties, IngestProperties ingest) {
		this.sweep = sweep;
		this.properties = properties;
		this.ingest = ingest;
	}

	@Override
	public synchronized void start() {
		if (this.ingest.enabled() && this.sweep.enabled() && this.executor == null) {
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "retention-sweep");
				thread.setDaemon(true);
				return thread;
			});
			this.executor.scheduleWithFixedDelay(this::run, 0, this.properties.sweepInterval().toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	void run() {
		try {
			this.sweep.sweep();
			this.sweep.purgeRemovalRecords();
		}
		catch (RuntimeException ex) {
			// The next sweep starts again from the oldest finished instance.
			logger.warn("Retention sweep failed; retrying in {}: {}", this.properties.sweepInterval(), ex.getMessage());
		}
	}

}

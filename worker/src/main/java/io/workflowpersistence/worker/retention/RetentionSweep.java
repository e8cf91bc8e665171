package io.workflowpersistence.worker.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.workflowpersistence.worker.retention.RetentionStore.Expired;
import io.workflowpersistence.worker.retention.RetentionStore.Finished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sweep of retention: walks the finished instances in the order they finished, up to
 * the shortest time-to-live, and removes those past their own time-to-live a chunk at a
 * time, each chunk in a short transaction of its own, so that an ingest batch waiting on
 * one of its rows waits for one chunk at most. After each chunk commits it removes what a
 * concurrent batch wrote for those instances meanwhile, as ingestion's orphan sweep does
 * for deletes.
 */
@Component
class RetentionSweep {

	private static final Logger logger = LoggerFactory.getLogger(RetentionSweep.class);

	private final RetentionPolicy policy;

	private final RetentionStore store;

	private final RetentionProperties properties;

	private final RetentionMetrics metrics;

	private final TransactionTemplate transaction;

	RetentionSweep(RetentionPolicy policy, RetentionStore store, RetentionProperties properties,
			RetentionMetrics metrics, PlatformTransactionManager transactions) {
		this.policy = policy;
		this.store = store;
		this.properties = properties;
		this.metrics = metrics;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Whether any time-to-live is set.
	 */
	boolean enabled() {
		return this.policy.enabled();
	}

	/**
	 * Removes every finished instance past its time-to-live, with its children.
	 * @return what was removed
	 */
	SweepResult sweep() {
		long started = System.nanoTime();
		SweepResult result = new SweepResult();
		walk((expired) -> {
			List<String> removed = this.transaction.execute((status) -> removeChunk(expired, result));
			if (!removed.isEmpty()) {
				// Outside the chunk's transaction: sees what concurrent batches
				// committed.
				this.store.removeRewritten(removed);
				RetentionStore.CHILD_TABLES.forEach((table) -> this.store.removeChildren(table, removed));
			}
			result.chunk();
		});
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		this.metrics.record(result, took);
		logger.info(
				"Retention sweep removed {} instances, {} activity records and {} bookmarks in {} chunks and {} ms"
						+ " (instances by reason: {})",
				result.instances(), result.activityRecords(), result.bookmarks(), result.chunks(), took.toMillis(),
				result.instancesByReason());
		return result;
	}

	/**
	 * What a sweep would remove now, without removing anything.
	 * @return the instances by definition and status, and their children
	 */
	SweepPreview preview() {
		SweepPreview preview = new SweepPreview();
		walk((expired) -> {
			List<String> ids = expired.stream().map((each) -> each.instance().id()).toList();
			expired.forEach((each) -> preview.instance(each.instance().definitionId(), each.instance().status()));
			preview.children(this.store.countChildren(RetentionStore.CHILD_TABLES.get(0), ids),
					this.store.countChildren(RetentionStore.CHILD_TABLES.get(1), ids));
		});
		return preview;
	}

	/**
	 * Deletes removal records older than the configured age, a chunk at a time.
	 * @return how many were deleted
	 */
	int purgeRemovalRecords() {
		Duration keptFor = this.properties.removalRecordsKeptFor();
		if (keptFor == null) {
			return 0;
		}
		int purged = 0;
		int chunk;
		do {
			chunk = this.store.purgeRemovalRecords(keptFor, this.properties.chunkSize());
			purged += chunk;
		}
		while (chunk == this.properties.chunkSize());
		if (purged > 0) {
			logger.info("Purged {} records of instances removed more than {} ago", purged, keptFor);
		}
		return purged;
	}

	private void walk(ChunkAction action) {
		Optional<Duration> shortest = this.policy.shortest();
		if (shortest.isEmpty()) {
			return;
		}
		Instant now = this.policy.now();
		Instant before = now.minus(shortest.get());
		Finished after = Finished.first();
		List<Finished> window;
		do {
			window = this.store.finishedAfter(before, after, this.properties.chunkSize());
			List<Expired> expired = new ArrayList<>();
			for (Finished instance : window) {
				this.policy.ruleFor(instance.definitionId(), instance.status())
					.filter((rule) -> instance.finishedAt().isBefore(rule.cutoff(now)))
					.ifPresent((rule) -> expired.add(new Expired(instance, rule, rule.cutoff(now))));
			}
			if (!expired.isEmpty()) {
				action.apply(expired);
			}
			if (!window.isEmpty()) {
				after = window.get(window.size() - 1);
			}
		}
		while (window.size() == this.properties.chunkSize());
	}

	private List<String> removeChunk(List<Expired> expired, SweepResult result) {
		List<String> removed = this.store.removeInstances(expired);
		if (removed.isEmpty()) {
			return removed;
		}
		Map<String, RetentionPolicy.Reason> reasons = new HashMap<>();
		expired.forEach((each) -> reasons.put(each.instance().id(), each.rule().reason()));
		removed.forEach((id) -> result.instance(reasons.get(id)));
		for (String id : this.store.removeChildren(RetentionStore.CHILD_TABLES.get(0), removed)) {
			result.activityRecord(reasons.get(id));
		}
		for (String id : this.store.removeChildren(RetentionStore.CHILD_TABLES.get(1), removed)) {
			result.bookmark(reasons.get(id));
		}
		return removed;
	}

	@FunctionalInterface
	private interface ChunkAction {

		void apply(List<Expired> expired);

	}

}

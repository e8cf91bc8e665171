package io.workflowpersistence.worker.ingest;

import io.workflowpersistence.worker.store.OrphanSweep;
import io.workflowpersistence.worker.store.TombstoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Removes tombstones once they are older than the configured retention (docs/contract.md,
 * rule 3): after that, a late upsert of a deleted entity creates it again. Before each
 * purge, and so once at start-up, it sweeps every deleted instance for activity records
 * and bookmarks that a batch wrote concurrently with the delete and whose sweep after
 * commit did not run (a crash in between, a database outage); a tombstone is never purged
 * before that.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TombstonePurge implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(TombstonePurge.class);

	private final TombstoneStore tombstones;

	private final OrphanSweep orphans;

	private final IngestProperties properties;

	TombstonePurge(TombstoneStore tombstones, OrphanSweep orphans, IngestProperties properties) {
		this.tombstones = tombstones;
		this.orphans = orphans;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.properties.enabled()) {
			// A fixed-delay task without an initial delay runs first at start-up.
			registrar.addFixedDelayTask(this::purge, this.properties.tombstonePurgeInterval());
		}
	}

	void purge() {
		int swept = this.orphans.sweepAll();
		if (swept > 0) {
			logger.info("Removed {} activity records and bookmarks of deleted instances", swept);
		}
		int purged = this.tombstones.purgeOlderThan(this.properties.tombstoneRetention());
		if (purged > 0) {
			logger.info("Purged {} tombstones older than {}", purged, this.properties.tombstoneRetention());
		}
	}

}

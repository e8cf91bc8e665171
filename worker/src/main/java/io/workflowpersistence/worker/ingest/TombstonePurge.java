package io.workflowpersistence.worker.ingest;

import io.workflowpersistence.worker.store.TombstoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Removes tombstones once they are older than the configured retention (CONTRACT rule 3):
 * after that, a late upsert of a deleted entity creates it again.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TombstonePurge implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(TombstonePurge.class);

	private final TombstoneStore tombstones;

	private final IngestProperties properties;

	TombstonePurge(TombstoneStore tombstones, IngestProperties properties) {
		this.tombstones = tombstones;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.properties.enabled()) {
			registrar.addFixedDelayTask(this::purge, this.properties.tombstonePurgeInterval());
		}
	}

	void purge() {
		int purged = this.tombstones.purgeOlderThan(this.properties.tombstoneRetention());
		if (purged > 0) {
			logger.info("Purged {} tombstones older than {}", purged, this.properties.tombstoneRetention());
		}
	}

}

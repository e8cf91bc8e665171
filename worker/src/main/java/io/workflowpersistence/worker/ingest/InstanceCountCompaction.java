package io.workflowpersistence.worker.ingest;

import io.workflowpersistence.worker.store.InstanceCountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Compacts the instance counts that ingestion appends to, every
 * {@code worker.ingest.instance-count-compaction-interval}, so that the read API's counts
 * by status read a few rows per definition and status however much was ingested.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InstanceCountCompaction implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(InstanceCountCompaction.class);

	private final InstanceCountStore counts;

	private final IngestProperties properties;

	InstanceCountCompaction(InstanceCountStore counts, IngestProperties properties) {
		this.counts = counts;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.properties.enabled()) {
			registrar.addFixedDelayTask(this::compact, this.properties.instanceCountCompactionInterval());
		}
	}

	void compact() {
		int written = this.counts.compact();
		logger.debug("Compacted the instance counts into {} rows", written);
	}

}

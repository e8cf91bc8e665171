package io.workflowpersistence.worker.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded run.
 *
 * @param enabled whether to start an embedded PostgreSQL and Kafka broker; by default
 * they start exactly when neither {@code spring.datasource.url} nor
 * {@code spring.kafka.bootstrap-servers} is configured
 * @param dataDirectory where they keep their data across runs; by default a temporary
 * directory, deleted on exit
 * @param partitions the partitions of each topic of the embedded broker
 * @param simulator the simulated engine that feeds the embedded broker
 */
@ConfigurationProperties("worker.embedded")
public record EmbeddedProperties(Boolean enabled, Path dataDirectory, @DefaultValue("3") int partitions,
		@DefaultValue Simulator simulator) {

	/**
	 * The simulated engine of the embedded run.
	 *
	 * @param enabled whether it runs
	 * @param rate events per second
	 * @param instances workflow instances to run; {@code 0} for without end
	 * @param seed the seed of the run; by default the clock, so that every run brings new
	 * instances
	 */
	public record Simulator(@DefaultValue("true") boolean enabled, @DefaultValue("50") double rate,
			@DefaultValue("0") int instances, Long seed) {
	}

}

package io.workflowpersistence.worker.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the read API ({@code worker.api.*}).
 *
 * @param defaultLimit the page size of a request that names none
 * @param maxLimit the largest page size a request may ask for
 * @param maxFilterValues the most values one repeatable filter may carry
 * @param queryTimeout how long a read query may run before PostgreSQL cancels it
 */
@ConfigurationProperties("worker.api")
public record ApiProperties(@DefaultValue("50") int defaultLimit, @DefaultValue("1000") int maxLimit,
		@DefaultValue("1000") int maxFilterValues, @DefaultValue("10s") Duration queryTimeout) {

	/**
	 * The settings a request is read with when nothing is configured.
	 * @return the defaults of every setting
	 */
	public static ApiProperties defaults() {
		return new ApiProperties(50, 1000, 1000, Duration.ofSeconds(10));
	}

}

package io.workflowpersistence.worker.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on requests to the read API ({@code worker.api.limits.*}), so that analysts'
 * queries cannot take more than their share: the statement timeout of each query is
 * {@code worker.api.query-timeout}.
 *
 * @param maxConcurrentRequests how many API requests run at once; by default as many as
 * the API's connection pool holds ({@code worker.api.datasource.maximum-pool-size})
 * @param maxWait how long a request waits for its turn before it is answered 503
 * @param maxRequestSize the largest request body (a search's filters)
 */
@ConfigurationProperties("worker.api.limits")
public record ApiLimitsProperties(Integer maxConcurrentRequests, @DefaultValue("2s") Duration maxWait,
		@DefaultValue("1MB") DataSize maxRequestSize) {
}

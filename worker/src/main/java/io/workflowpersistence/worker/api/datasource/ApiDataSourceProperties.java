package io.workflowpersistence.worker.api.datasource;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read API's connection pool ({@code worker.api.datasource.*}). Its connections are
 * read-only and carry the statement timeout {@code worker.api.query-timeout}.
 *
 * @param url the JDBC URL; by default {@code spring.datasource.url}, TLS settings
 * included; may name a hot standby of that database
 * @param username the user, e.g. a read-only {@code workflow_reader}; by default
 * {@code spring.datasource.username}
 * @param password its password; by default {@code spring.datasource.password} when the
 * user is the same
 * @param maximumPoolSize the most connections, and so the most concurrent API queries
 * @param connectionTimeout how long a query waits for a connection
 * @param lagSampleInterval how often the replication lag of the database behind this pool
 * is sampled, for the {@code Data-Lag-Seconds} header, the metric and the health detail
 */
@ConfigurationProperties("worker.api.datasource")
public record ApiDataSourceProperties(String url, String username, String password,
		@DefaultValue("4") int maximumPoolSize, @DefaultValue("5s") Duration connectionTimeout,
		@DefaultValue("1s") Duration lagSampleInterval) {
}

package io.workflowpersistence.worker.api.datasource;

import java.util.Objects;

import com.zaxxer.hikari.HikariDataSource;
import io.workflowpersistence.worker.api.ApiProperties;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the read API's pool beside Boot's ingest pool. It is not a default candidate,
 * so that Boot still configures the primary {@code DataSource} from
 * {@code spring.datasource.*} and everything unqualified (Flyway, transactions, ingest)
 * keeps using that one.
 */
@Configuration(proxyBeanMethods = false)
class ApiDataSourceConfiguration {

	@Bean(defaultCandidate = false)
	@ApiDataSource
	HikariDataSource apiDataSource(ApiDataSourceProperties properties, JdbcConnectionDetails primary,
			ApiProperties api) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("api");
		dataSource.setJdbcUrl((properties.url() != null) ? properties.url() : primary.getJdbcUrl());
		String username = (properties.username() != null) ? properties.username() : primary.getUsername();
		dataSource.setUsername(username);
		boolean samePrimaryUser = Objects.equals(username, primary.getUsername());
		dataSource.setPassword(
				(properties.password() != null || !samePrimaryUser) ? properties.password() : primary.getPassword());
		dataSource.setMaximumPoolSize(properties.maximumPoolSize());
		dataSource.setMinimumIdle(1);
		dataSource.setConnectionTimeout(properties.connectionTimeout().toMillis());
		dataSource.setReadOnly(true);
		dataSource.setConnectionInitSql(sessionSettings(api));
		return dataSource;
	}

	// PostgreSQL cancels a query running longer, whatever the client does; and writes
	// fail even where the user could write. Every execution is planned for its own
	// parameters: a plan cached for any value of a name pattern walks the newest-first
	// index looking for a rare name (1-3 s on a million instances instead of 5 ms).
	static String sessionSettings(ApiProperties api) {
		return "SELECT set_config('statement_timeout', '" + api.queryTimeout().toMillis() + "ms', false), "
				+ "set_config('default_transaction_read_only', 'on', false), "
				+ "set_config('plan_cache_mode', 'force_custom_plan', false)";
	}

}

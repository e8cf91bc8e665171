package io.workflowpersistence.worker.replay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

/**
 * How the commands reach the database: the worker's URL, as the user that owns the tables
 * (the migrations' user when one is configured).
 *
 * @param url the JDBC URL
 * @param username the user
 * @param password the password, or {@code null}
 */
record ConnectionSettings(String url, String username, String password) {

	/**
	 * A pool of connections, each with the given search path when one is given.
	 */
	HikariDataSource pooled(String name, int size, String searchPath) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName(name);
		dataSource.setJdbcUrl(this.url);
		dataSource.setUsername(this.username);
		dataSource.setPassword(this.password);
		dataSource.setMaximumPoolSize(size);
		dataSource.setMinimumIdle(1);
		dataSource.setConnectionTimeout(10_000);
		if (searchPath != null) {
			dataSource.setConnectionInitSql("SET search_path TO " + searchPath);
		}
		return dataSource;
	}

	/**
	 * A connection of its own, outside any pool, for a session-level lock.
	 */
	Connection connect() throws SQLException {
		Properties properties = new Properties();
		if (this.username != null) {
			properties.setProperty("user", this.username);
		}
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		properties.setProperty("ApplicationName", RebuildLock.APPLICATION_NAME);
		return DriverManager.getConnection(this.url, properties);
	}

	@Override
	public String toString() {
		return this.url + " as " + this.username;
	}

}

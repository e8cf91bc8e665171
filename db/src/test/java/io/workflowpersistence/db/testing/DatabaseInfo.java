package io.workflowpersistence.db.testing;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * How to reach one database that {@link TestDatabase} created for a test.
 *
 * @param jdbcUrl the JDBC URL of the database
 * @param username the user to connect as (a superuser of the test server)
 * @param password the password of that user, or {@code null} when the server trusts it
 * @param name the name of the database, unique on its server
 */
public record DatabaseInfo(String jdbcUrl, String username, String password, String name) {

	/**
	 * A new, unpooled data source for this database.
	 * @return a data source opening a new connection on each call
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.jdbcUrl);
		dataSource.setUser(this.username);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	@Override
	public String toString() {
		return "DatabaseInfo[" + this.jdbcUrl + " as " + this.username + "]";
	}

}

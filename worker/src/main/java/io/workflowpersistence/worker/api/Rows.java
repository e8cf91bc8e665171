package io.workflowpersistence.worker.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads nullable column values of a result set as the types of the response records.
 */
public final class Rows {

	private Rows() {
	}

	/**
	 * Reads a {@code timestamptz} column.
	 * @param rs the result set on a row
	 * @param column the column label
	 * @return the instant, or {@code null}
	 * @throws SQLException if the column cannot be read
	 */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * Reads an {@code int} column.
	 * @param rs the result set on a row
	 * @param column the column label
	 * @return the value, or {@code null}
	 * @throws SQLException if the column cannot be read
	 */
	public static Integer integer(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Integer.class);
	}

	/**
	 * Reads a {@code boolean} column.
	 * @param rs the result set on a row
	 * @param column the column label
	 * @return the value, or {@code null}
	 * @throws SQLException if the column cannot be read
	 */
	public static Boolean bool(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Boolean.class);
	}

	/**
	 * Reads a {@code uuid} column.
	 * @param rs the result set on a row
	 * @param column the column label
	 * @return the value, or {@code null}
	 * @throws SQLException if the column cannot be read
	 */
	public static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

}

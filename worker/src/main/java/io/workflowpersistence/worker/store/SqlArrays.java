package io.workflowpersistence.worker.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Binds whole columns as PostgreSQL arrays, so that one statement with a fixed number of
 * parameters writes any number of rows ({@code unnest(?::varchar[], ?::int[], …)}).
 */
final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * Prepares the statement and binds its parameters in order: each {@link TypedArray}
	 * as one array, anything else as a plain value. Array values are sent as text unless
	 * the driver has a native array type for them; the SQL casts each array to its type.
	 */
	static PreparedStatement bind(Connection connection, String sql, List<?> parameters) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < parameters.size(); i++) {
			if (parameters.get(i) instanceof TypedArray array) {
				statement.setArray(i + 1, array.toSqlArray(connection));
			}
			else {
				statement.setObject(i + 1, parameters.get(i));
			}
		}
		return statement;
	}

	/**
	 * The values of one column and the PostgreSQL type they belong to.
	 */
	record TypedArray(String sqlType, Object[] values) {

		Array toSqlArray(Connection connection) throws SQLException {
			return switch (this.sqlType) {
				case "int" -> connection.createArrayOf("int4", this.values);
				case "bigint" -> connection.createArrayOf("int8", this.values);
				case "boolean" -> connection.createArrayOf("bool", this.values);
				default -> connection.createArrayOf("text", asText(this.values));
			};
		}

		private static String[] asText(Object[] values) {
			String[] text = new String[values.length];
			for (int i = 0; i < values.length; i++) {
				text[i] = (values[i] != null) ? values[i].toString() : null;
			}
			return text;
		}

	}

}

package io.workflowpersistence.worker.store;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.Oid;
import org.postgresql.jdbc.PgArray;

/**
 * Binds whole columns as PostgreSQL arrays, so that one statement with a fixed number of
 * parameters writes any number of rows ({@code unnest(?::varchar[], ?::int[], …)}). Every
 * array is sent in PostgreSQL's binary format: the server then neither parses an array
 * literal nor, for timestamps, a text per element.
 */
final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * Prepares the statement and binds its parameters in order: each {@link TypedArray}
	 * as one array, anything else as a plain value. The SQL casts each array to its type
	 * (a no-op but for {@code jsonb} and {@code uuid}, sent as text).
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

		// The driver encodes arrays of these boxed types, and of String, in binary.
		Array toSqlArray(Connection connection) throws SQLException {
			return switch (this.sqlType) {
				case "int" -> connection.createArrayOf("int4", typed(Integer[].class));
				case "bigint" -> connection.createArrayOf("int8", typed(Long[].class));
				case "boolean" -> connection.createArrayOf("bool", typed(Boolean[].class));
				case "timestamptz" -> timestamps(connection);
				default -> connection.createArrayOf("text", asText(this.values));
			};
		}

		private Array timestamps(Connection connection) throws SQLException {
			Instant[] instants = typed(Instant[].class);
			if (!TimestampArray.isReadableAsText(instants)) {
				return connection.createArrayOf("text", asText(this.values));
			}
			return new PgArray(connection.unwrap(BaseConnection.class), Oid.TIMESTAMPTZ_ARRAY,
					TimestampArray.binary(instants));
		}

		private <T> T[] typed(Class<T[]> type) {
			return Arrays.copyOf(this.values, this.values.length, type);
		}

		private static String[] asText(Object[] values) {
			String[] text = new String[values.length];
			for (int i = 0; i < values.length; i++) {
				text[i] = (values[i] != null) ? values[i].toString() : null;
			}
			return text;
		}

	}

	/**
	 * A {@code timestamptz[]} in PostgreSQL's binary format (array_recv): the driver has
	 * no binary encoding of its own for timestamps.
	 */
	private static final class TimestampArray {

		// 2000-01-01T00:00:00Z: binary timestamps count microseconds from there.
		private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

		private static final int HEADER_BYTES = 20;

		private static final int ELEMENT_BYTES = 4 + 8;

		// Instant#toString() writes years outside 1 to 9999 in forms PostgreSQL refuses
		// (year 0, a sign): such an array still goes as text, so that PostgreSQL refuses
		// the event as it did and the batch writer isolates it.
		private static final Instant FIRST_READABLE = Instant.parse("0001-01-01T00:00:00Z");

		private static final Instant FIRST_UNREADABLE = Instant.parse("+10000-01-01T00:00:00Z");

		private TimestampArray() {
		}

		static boolean isReadableAsText(Instant[] instants) {
			for (Instant instant : instants) {
				if (instant != null && (instant.isBefore(FIRST_READABLE) || !instant.isBefore(FIRST_UNREADABLE))) {
					return false;
				}
			}
			return true;
		}

		static byte[] binary(Instant[] instants) {
			ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + ELEMENT_BYTES * instants.length);
			// Dimensions, whether any element is null, element type, length, lower bound.
			bytes.putInt(1)
				.putInt(Arrays.asList(instants).contains(null) ? 1 : 0)
				.putInt(Oid.TIMESTAMPTZ)
				.putInt(instants.length)
				.putInt(1);
			for (Instant instant : instants) {
				if (instant == null) {
					bytes.putInt(-1);
				}
				else {
					bytes.putInt(8).putLong(micros(instant));
				}
			}
			return Arrays.copyOf(bytes.array(), bytes.position());
		}

		/**
		 * Microseconds since PostgreSQL's epoch, rounded as PostgreSQL rounds the text
		 * {@link Instant#toString()} gives: {@code rint(fraction * 1e6)} on doubles, the
		 * fraction read as the double nearest to it (as {@code nanos / 1e9} is).
		 */
		static long micros(Instant instant) {
			long fraction = (long) Math.rint(instant.getNano() / 1e9 * 1e6);
			return Math.addExact(Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
					fraction);
		}

	}

}

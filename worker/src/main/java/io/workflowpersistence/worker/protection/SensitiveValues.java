package io.workflowpersistence.worker.protection;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;

/**
 * Shows the read API's callers the encrypted values of the rows they read: decrypted for
 * callers the read side lets see them, masked for everyone else. It wraps a row mapper,
 * so that every {@code jsonb} column any query of the API returns passes through it,
 * whichever response record maps it.
 */
public final class SensitiveValues {

	private final SensitiveJson json;

	SensitiveValues(SensitiveJson json) {
		this.json = json;
	}

	/**
	 * A row mapper that reads {@code jsonb} columns revealed for the current caller.
	 * @param <T> the row type
	 * @param mapper the mapper of the response record
	 * @param decrypt whether values are decrypted rather than masked
	 * @return the revealing mapper, to be used by one query
	 */
	public <T> RowMapper<T> revealing(RowMapper<T> mapper, boolean decrypt) {
		return new RowMapper<>() {

			private ResultSet source;

			private ResultSet revealing;

			@Override
			public T mapRow(ResultSet rs, int rowNum) throws SQLException {
				if (rs != this.source) {
					this.source = rs;
					this.revealing = revealingResultSet(rs, decrypt);
				}
				return mapper.mapRow(this.revealing, rowNum);
			}

		};
	}

	private ResultSet revealingResultSet(ResultSet rs, boolean decrypt) throws SQLException {
		Set<String> labels = new HashSet<>();
		Set<Integer> indexes = new HashSet<>();
		ResultSetMetaData metaData = rs.getMetaData();
		for (int i = 1; i <= metaData.getColumnCount(); i++) {
			if ("jsonb".equals(metaData.getColumnTypeName(i))) {
				labels.add(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT));
				indexes.add(i);
			}
		}
		if (indexes.isEmpty()) {
			return rs;
		}
		InvocationHandler handler = (proxy, method, arguments) -> {
			Object value = invoke(rs, method, arguments);
			if (isJsonRead(method, arguments, labels, indexes)) {
				return this.json.reveal((String) value, decrypt);
			}
			return value;
		};
		return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] { ResultSet.class },
				handler);
	}

	private static boolean isJsonRead(Method method, Object[] arguments, Set<String> labels, Set<Integer> indexes) {
		if (!method.getName().equals("getString") || arguments == null || arguments.length != 1) {
			return false;
		}
		return (arguments[0] instanceof String label) ? labels.contains(label.toLowerCase(Locale.ROOT))
				: indexes.contains(arguments[0]);
	}

	private static Object invoke(ResultSet rs, Method method, Object[] arguments) throws Throwable {
		try {
			return method.invoke(rs, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}

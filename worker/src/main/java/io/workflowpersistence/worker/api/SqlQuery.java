package io.workflowpersistence.worker.api;

import java.util.Map;

/**
 * A SQL statement with named parameters and their values.
 *
 * @param sql the statement
 * @param parameters the values by parameter name
 */
public record SqlQuery(String sql, Map<String, Object> parameters) {

	/**
	 * Creates the query, copying the parameters.
	 * @param sql the statement
	 * @param parameters the values by parameter name
	 */
	public SqlQuery {
		parameters = Map.copyOf(parameters);
	}

}

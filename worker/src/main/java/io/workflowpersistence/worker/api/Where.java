package io.workflowpersistence.worker.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of a read query: fixed SQL fragments, chosen by which filters a
 * request carries, joined with AND. Column names come from the code, never from a
 * request; every value is a bound parameter.
 */
public final class Where {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	/**
	 * Adds {@code column = :parameter} when the value is present.
	 * @param column the column
	 * @param parameter the parameter name
	 * @param value the value, or {@code null} for no condition
	 * @return this clause
	 */
	public Where equal(String column, String parameter, Object value) {
		return (value != null) ? condition(column + " = :" + parameter, parameter, value) : this;
	}

	/**
	 * Adds a condition that the column equals one of the values, when there are any. A
	 * single value is compared with {@code =}, so that an index led by the column also
	 * gives the order.
	 * @param column the column
	 * @param parameter the parameter name
	 * @param values the values, or {@code null} for no condition
	 * @return this clause
	 */
	public Where in(String column, String parameter, List<String> values) {
		if (values == null || values.isEmpty()) {
			return this;
		}
		if (values.size() == 1) {
			return equal(column, parameter, values.get(0));
		}
		return condition(column + " = ANY(:" + parameter + ")", parameter, values.toArray(String[]::new));
	}

	/**
	 * Adds {@code column >= :parameter} (an inclusive lower bound) when the value is
	 * present.
	 * @param column the column
	 * @param parameter the parameter name
	 * @param value the bound, or {@code null} for no condition
	 * @return this clause
	 */
	public Where from(String column, String parameter, Object value) {
		return (value != null) ? condition(column + " >= :" + parameter, parameter, value) : this;
	}

	/**
	 * Adds {@code column < :parameter} (an exclusive upper bound) when the value is
	 * present.
	 * @param column the column
	 * @param parameter the parameter name
	 * @param value the bound, or {@code null} for no condition
	 * @return this clause
	 */
	public Where to(String column, String parameter, Object value) {
		return (value != null) ? condition(column + " < :" + parameter, parameter, value) : this;
	}

	/**
	 * Adds a case-insensitive substring match when the text is not empty; LIKE wildcards
	 * in the text match literally.
	 * @param column the column
	 * @param parameter the parameter name
	 * @param text the substring, or {@code null} or empty for no condition
	 * @return this clause
	 */
	public Where contains(String column, String parameter, String text) {
		if (text == null || text.isEmpty()) {
			return this;
		}
		return condition(column + " ILIKE :" + parameter, parameter, containsPattern(text));
	}

	/**
	 * Adds a fixed condition that uses one parameter, when the value is present.
	 * @param sql the condition, naming {@code :parameter}
	 * @param parameter the parameter name
	 * @param value the value, or {@code null} for no condition
	 * @return this clause
	 */
	public Where condition(String sql, String parameter, Object value) {
		if (value != null) {
			this.conditions.add(sql);
			this.parameters.put(parameter, value);
		}
		return this;
	}

	/**
	 * The clause, with further conditions of the caller.
	 * @param extra conditions added with AND
	 * @return {@code WHERE …}, or an empty string when there is no condition
	 */
	public String clause(String... extra) {
		List<String> all = new ArrayList<>(this.conditions);
		all.addAll(List.of(extra));
		return all.isEmpty() ? "" : "WHERE " + String.join(" AND ", all);
	}

	/**
	 * The values of the parameters the conditions name.
	 * @return a new map of parameter name to value
	 */
	public Map<String, Object> parameters() {
		return new LinkedHashMap<>(this.parameters);
	}

	/**
	 * The LIKE pattern that matches a text anywhere, with its wildcards escaped.
	 * @param text the text
	 * @return the pattern
	 */
	static String containsPattern(String text) {
		String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

}

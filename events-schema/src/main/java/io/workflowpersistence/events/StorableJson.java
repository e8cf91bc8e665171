package io.workflowpersistence.events;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

/**
 * What, inside a JSON value, PostgreSQL cannot store as jsonb: a NUL character in a
 * string or a property name, or a number beyond its numeric type (131072 digits before
 * the decimal point, 16383 after).
 */
final class StorableJson {

	static final String NUL = "contains a NUL character, which PostgreSQL cannot store";

	private static final int MAXIMUM_INTEGER_DIGITS = 131_072;

	private static final int MAXIMUM_FRACTION_DIGITS = 16_383;

	private StorableJson() {
	}

	/**
	 * Whether the compact JSON text of a value may hold something {@link #problem} finds:
	 * the writer escapes NUL as {@code \u0000} and writes such numbers with an exponent.
	 */
	static boolean mayHoldProblem(String json) {
		return json.contains("\\u0000") || json.contains("E+") || json.contains("E-");
	}

	/**
	 * What cannot be stored, as a phrase to follow the field's name, or {@code null}.
	 */
	static String problem(JsonNode node) {
		if (node.isString()) {
			return containsNul(node.asString());
		}
		if (node.isNumber() && !node.isIntegralNumber()) {
			return numberProblem(node.decimalValue());
		}
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				String problem = containsNul(name);
				if (problem == null) {
					problem = problem(node.get(name));
				}
				if (problem != null) {
					return problem;
				}
			}
			return null;
		}
		for (JsonNode element : node.values()) {
			String problem = problem(element);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	static String containsNul(String text) {
		return (text.indexOf('\0') >= 0) ? NUL : null;
	}

	private static String numberProblem(BigDecimal number) {
		int integerDigits = number.precision() - number.scale();
		if (integerDigits > MAXIMUM_INTEGER_DIGITS || number.scale() > MAXIMUM_FRACTION_DIGITS) {
			return "contains the number " + number + ", which PostgreSQL cannot store";
		}
		return null;
	}

}

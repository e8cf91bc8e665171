package io.workflowpersistence.events;

import tools.jackson.databind.JsonNode;

/**
 * The JSON types that a {@code type} keyword names, as bits, for the quick check. A
 * number with a fraction part or an exponent is never an {@code integer} here, even when
 * its value is whole ({@code 1.0}): the full validator judges those.
 */
final class JsonKinds {

	private static final int STRING = 1;

	private static final int INTEGER = 1 << 1;

	private static final int FRACTIONAL = 1 << 2;

	private static final int BOOLEAN = 1 << 3;

	private static final int OBJECT = 1 << 4;

	private static final int ARRAY = 1 << 5;

	private static final int NULL = 1 << 6;

	private JsonKinds() {
	}

	/**
	 * The kinds a JSON Schema type name stands for, {@code 0} for a name it does not
	 * define.
	 */
	static int named(String type) {
		return switch (type) {
			case "string" -> STRING;
			case "integer" -> INTEGER;
			case "number" -> INTEGER | FRACTIONAL;
			case "boolean" -> BOOLEAN;
			case "object" -> OBJECT;
			case "array" -> ARRAY;
			case "null" -> NULL;
			default -> 0;
		};
	}

	static QuickCheck.Constraint oneOf(int kinds) {
		return (value) -> (kindOf(value) & kinds) != 0;
	}

	private static int kindOf(JsonNode value) {
		return switch (value.getNodeType()) {
			case STRING -> STRING;
			case NUMBER -> value.isIntegralNumber() ? INTEGER : FRACTIONAL;
			case BOOLEAN -> BOOLEAN;
			case OBJECT -> OBJECT;
			case ARRAY -> ARRAY;
			case NULL -> NULL;
			default -> 0;
		};
	}

}

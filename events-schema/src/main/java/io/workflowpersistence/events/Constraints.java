package io.workflowpersistence.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * The constraints of the keywords the quick check knows. Each applies to the JSON type
 * its keyword applies to and holds for the others, as in JSON Schema; each is sure only
 * where no reading of the keyword could disagree.
 */
final class Constraints {

	private Constraints() {
	}

	static QuickCheck.Constraint strings(Predicate<String> matcher) {
		return (value) -> !value.isString() || matcher.test(value.stringValue());
	}

	/**
	 * Lengths count code points; a string has at most as many as it has characters.
	 */
	static QuickCheck.Constraint minLength(int minimum) {
		return strings((text) -> text.codePointCount(0, text.length()) >= minimum);
	}

	/**
	 * A string no longer in characters is no longer in code points; one longer in
	 * characters is left to the full validator, which counts its code points.
	 */
	static QuickCheck.Constraint maxLength(int maximum) {
		return strings((text) -> text.length() <= maximum);
	}

	/**
	 * Sure of integers only; a fraction or exponent is left to the full validator.
	 */
	static QuickCheck.Constraint minimum(BigDecimal minimum) {
		return (value) -> !value.isNumber() || (value.isIntegralNumber() && value.canConvertToLong()
				&& BigDecimal.valueOf(value.longValue()).compareTo(minimum) >= 0);
	}

	static QuickCheck.Constraint maximum(BigDecimal maximum) {
		return (value) -> !value.isNumber() || (value.isIntegralNumber() && value.canConvertToLong()
				&& BigDecimal.valueOf(value.longValue()).compareTo(maximum) <= 0);
	}

	/**
	 * A property with the value {@code null} is present.
	 */
	static QuickCheck.Constraint required(List<String> names) {
		String[] all = names.toArray(String[]::new);
		return (value) -> {
			if (!value.isObject()) {
				return true;
			}
			for (String name : all) {
				if (value.get(name) == null) {
					return false;
				}
			}
			return true;
		};
	}

	static QuickCheck.Constraint properties(List<Property> properties) {
		Property[] all = properties.toArray(Property[]::new);
		return (value) -> {
			if (!value.isObject()) {
				return true;
			}
			for (Property property : all) {
				JsonNode propertyValue = value.get(property.name());
				if (propertyValue != null && !property.check().surelyHolds(propertyValue)) {
					return false;
				}
			}
			return true;
		};
	}

	static QuickCheck.Constraint items(QuickCheck check) {
		return (value) -> {
			if (!value.isArray()) {
				return true;
			}
			for (JsonNode item : value.values()) {
				if (!check.surelyHolds(item)) {
					return false;
				}
			}
			return true;
		};
	}

	/**
	 * The check of one named property of an object.
	 */
	record Property(String name, QuickCheck check) {
	}

}

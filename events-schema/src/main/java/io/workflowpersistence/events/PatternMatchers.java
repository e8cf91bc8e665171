package io.workflowpersistence.events;

import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Matchers for the {@code pattern}s of the schemas that accept only values the pattern
 * matches, for the quick check. The patterns of {@code common.schema.json} have
 * hand-written ones, found by the pattern's exact text, because they run for most fields
 * of every event; any other pattern is matched with {@link Pattern}.
 */
final class PatternMatchers {

	private static final Map<String, Predicate<String>> HAND_WRITTEN = Map.of(
			"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$", PatternMatchers::isUuid,
			"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})?$",
			PatternMatchers::isTimestamp, "^#[0-9A-Fa-f]{6}$", PatternMatchers::isColor, "^[0-9]+$",
			PatternMatchers::isDigits);

	private static final int UUID_LENGTH = 36;

	private PatternMatchers() {
	}

	/**
	 * A matcher that accepts only values {@code pattern} matches; it may turn down a few
	 * that it matches, which the full validator then accepts.
	 */
	static Predicate<String> forPattern(String pattern) {
		Predicate<String> handWritten = HAND_WRITTEN.get(pattern);
		return (handWritten != null) ? handWritten : byRegularExpression(pattern);
	}

	static boolean hasHandWritten(String pattern) {
		return HAND_WRITTEN.containsKey(pattern);
	}

	/**
	 * Matches the way JSON Schema does, anywhere in the value; values with a line break
	 * are left to the full validator, whose reading of {@code $} may differ from
	 * {@link Pattern}'s there.
	 */
	static Predicate<String> byRegularExpression(String pattern) {
		Pattern compiled = Pattern.compile(pattern);
		return (value) -> !hasLineBreak(value) && compiled.matcher(value).find();
	}

	static boolean isUuid(String value) {
		if (value.length() != UUID_LENGTH) {
			return false;
		}
		for (int i = 0; i < UUID_LENGTH; i++) {
			char c = value.charAt(i);
			boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
			if (dash ? c != '-' : !isHexDigit(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Stricter than the pattern (a real date and time), which is fine: the parser rejects
	 * the others anyway, after the full validator.
	 */
	static boolean isTimestamp(String value) {
		return Timestamps.parse(value) != null;
	}

	static boolean isColor(String value) {
		if (value.length() != 7 || value.charAt(0) != '#') {
			return false;
		}
		for (int i = 1; i < 7; i++) {
			if (!isHexDigit(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	static boolean isDigits(String value) {
		if (value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isHexDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static boolean hasLineBreak(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return true;
			}
		}
		return false;
	}

}

package io.workflowpersistence.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written pattern matchers accept only what their patterns match, and the
 * patterns of the schemas all have one.
 */
class PatternMatchersTests {

	private static final String ALPHABET = "0123456789aAfFgGtTzZ-:+.# \n\r";

	static List<String> commonPatterns() {
		JsonNode common = JsonMapper.builder()
			.build()
			.readTree(PatternMatchersTests.class.getResourceAsStream("/schemas/common.schema.json"));
		List<String> patterns = new ArrayList<>();
		common.path("$defs").values().forEach((definition) -> {
			if (definition.has("pattern")) {
				patterns.add(definition.get("pattern").asString());
			}
		});
		return patterns;
	}

	@ParameterizedTest
	@MethodSource("commonPatterns")
	void eachPatternOfTheSchemasHasAHandWrittenMatcher(String pattern) {
		assertThat(PatternMatchers.hasHandWritten(pattern)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("commonPatterns")
	void aHandWrittenMatcherAcceptsOnlyWhatItsPatternMatches(String pattern) {
		Predicate<String> matcher = PatternMatchers.forPattern(pattern);
		Pattern regex = Pattern.compile(pattern);
		List<String> accepted = new ArrayList<>();
		for (String candidate : candidates()) {
			if (matcher.test(candidate)) {
				assertThat(regex.matcher(candidate).matches()).as(candidate).isTrue();
				accepted.add(candidate);
			}
		}
		assertThat(accepted).hasSizeGreaterThan(5);
	}

	@Test
	void aRegularExpressionMatchesAnywhereButLeavesLineBreaksToTheValidator() {
		Predicate<String> matcher = PatternMatchers.forPattern("b+");
		assertThat(matcher.test("abbc")).isTrue();
		assertThat(matcher.test("ac")).isFalse();
		assertThat(matcher.test("ab\n")).isFalse();
	}

	/**
	 * Valid values of each pattern, every one-character change of them, and random
	 * strings of the characters the patterns use.
	 */
	private static List<String> candidates() {
		List<String> valid = List.of("6f1c2b9e-4d7a-4c1e-9a55-0b3c8d2e7f10", "6F1C2B9E-4D7A-4C1E-9A55-0B3C8D2E7F10",
				"2026-11-24T10:15:30Z", "2026-11-24t10:15:30.123456789z", "2026-11-24T10:15:30.5+01:00",
				"2026-11-24T10:15:30", "2026-02-29T23:59:59-12:30", "#2E7D32", "#abcdef", "0", "0042",
				"9223372036854775808");
		List<String> candidates = new ArrayList<>(valid);
		for (String value : valid) {
			for (int i = 0; i <= value.length(); i++) {
				if (i < value.length()) {
					candidates.add(value.substring(0, i) + value.substring(i + 1));
				}
				for (char c : ALPHABET.toCharArray()) {
					candidates.add(value.substring(0, i) + c + value.substring(i));
					if (i < value.length()) {
						candidates.add(value.substring(0, i) + c + value.substring(i + 1));
					}
				}
			}
		}
		Random random = new Random(20261124);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			candidates.add(text.toString());
		}
		return candidates;
	}

}

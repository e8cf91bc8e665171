package io.workflowpersistence.worker;

import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Which command or option a mistyped one was meant to be, if any.
 */
final class Typos {

	private Typos() {
	}

	/**
	 * The command or option picocli finds most like the unknown one, if it is a typo of
	 * it: picocli lists everything somewhat alike ({@code retention} would get
	 * {@code redrive}).
	 */
	static String closest(ParameterException failure) {
		if (!(failure instanceof UnmatchedArgumentException unmatched) || unmatched.getSuggestions().isEmpty()
				|| unmatched.getUnmatched().isEmpty()) {
			return null;
		}
		String given = unmatched.getUnmatched().get(0);
		String suggestion = unmatched.getSuggestions().get(0);
		suggestion = suggestion.substring(suggestion.lastIndexOf(' ') + 1);
		return (distance(given, suggestion) <= Math.max(2, suggestion.length() / 4)) ? suggestion : null;
	}

	/**
	 * Levenshtein's distance: the edits that turn one text into the other.
	 */
	static int distance(String from, String to) {
		int[] previous = new int[to.length() + 1];
		for (int j = 0; j <= to.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= from.length(); i++) {
			int[] current = new int[to.length() + 1];
			current[0] = i;
			for (int j = 1; j <= to.length(); j++) {
				int substitution = previous[j - 1] + ((from.charAt(i - 1) == to.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			previous = current;
		}
		return previous[to.length()];
	}

}

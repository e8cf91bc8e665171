package io.workflowpersistence.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads RFC 3339 date-times: with {@code Z}, with an offset, or without one (then UTC),
 * with fractional seconds of up to 9 digits. Hand-written because it runs for every
 * timestamp of every event.
 */
final class Timestamps {

	private static final int INVALID = Integer.MIN_VALUE;

	private static final int FRACTION_START = 19;

	private Timestamps() {
	}

	/**
	 * The instant {@code text} denotes, or {@code null} when it is not such a date-time.
	 */
	static Instant parse(String text) {
		if (text.length() < FRACTION_START || !shapeOfDateTime(text)) {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
				|| second > 59) {
			return null;
		}
		int fractionEnd = fractionEnd(text);
		int offsetSeconds = (fractionEnd == INVALID) ? INVALID : offsetSeconds(text, fractionEnd);
		if (offsetSeconds == INVALID) {
			return null;
		}
		long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600 + minute * 60 + second
				- offsetSeconds;
		return Instant.ofEpochSecond(epochSecond, nanos(text, fractionEnd));
	}

	private static boolean shapeOfDateTime(String text) {
		char separator = text.charAt(10);
		return isDigits(text, 0, 4) && text.charAt(4) == '-' && isDigits(text, 5, 2) && text.charAt(7) == '-'
				&& isDigits(text, 8, 2) && (separator == 'T' || separator == 't') && isDigits(text, 11, 2)
				&& text.charAt(13) == ':' && isDigits(text, 14, 2) && text.charAt(16) == ':' && isDigits(text, 17, 2);
	}

	/**
	 * Where the fractional seconds end: {@link #FRACTION_START} without any, else after 1
	 * to 9 digits; {@link #INVALID} for a dot without digits or more than 9 digits.
	 */
	private static int fractionEnd(String text) {
		if (text.length() == FRACTION_START || text.charAt(FRACTION_START) != '.') {
			return FRACTION_START;
		}
		int position = FRACTION_START + 1;
		while (position < text.length() && isDigit(text.charAt(position))) {
			position++;
		}
		int count = position - FRACTION_START - 1;
		return (count >= 1 && count <= 9) ? position : INVALID;
	}

	private static int nanos(String text, int fractionEnd) {
		int nanos = 0;
		for (int i = FRACTION_START + 1; i < FRACTION_START + 10; i++) {
			nanos = nanos * 10 + ((i < fractionEnd) ? text.charAt(i) - '0' : 0);
		}
		return nanos;
	}

	private static int offsetSeconds(String text, int start) {
		int length = text.length();
		if (start == length) {
			return 0;
		}
		char designator = text.charAt(start);
		if (designator == 'Z' || designator == 'z') {
			return (start + 1 == length) ? 0 : INVALID;
		}
		if ((designator != '+' && designator != '-') || start + 6 != length || !isDigits(text, start + 1, 2)
				|| text.charAt(start + 3) != ':' || !isDigits(text, start + 4, 2)) {
			return INVALID;
		}
		int hours = digits(text, start + 1, 2);
		int minutes = digits(text, start + 4, 2);
		if (hours > 23 || minutes > 59) {
			return INVALID;
		}
		return ((designator == '-') ? -1 : 1) * (hours * 3600 + minutes * 60);
	}

	private static boolean isDigits(String text, int start, int count) {
		for (int i = start; i < start + count; i++) {
			if (!isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static int digits(String text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	private static int daysInMonth(int year, int month) {
		return switch (month) {
			case 2 -> ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

}

package io.workflowpersistence.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The compact JSON text of a value, taken from the bytes of the record that holds it,
 * exactly as the parser's mapper would write the value's tree: without insignificant
 * whitespace, numbers as their tree writes them. It answers {@code null} where it is not
 * sure to match the tree's text or where the text may hold something jsonb cannot store:
 * a Unicode escape (which may hide a NUL, or a name that the sensitive fields match), a
 * number written with an exponent, bytes that are not UTF-8. The bytes must be one value
 * that the streaming parser has read without error.
 */
final class CompactJson {

	private CompactJson() {
	}

	/**
	 * The compact text of the value in {@code json[start..end)}, or {@code null}.
	 */
	static String of(byte[] json, int start, int end) {
		byte[] out = new byte[end - start];
		int length = 0;
		boolean ascii = true;
		int i = start;
		while (i < end) {
			byte b = json[i];
			if (b == '"') {
				int stringEnd = endOfString(json, i);
				if (stringEnd < 0) {
					return null;
				}
				for (int j = i; j < stringEnd; j++) {
					// The writer writes '/' unescaped; every other escape left here as it
					// is.
					if (json[j] == '\\' && json[j + 1] == '/') {
						continue;
					}
					ascii &= json[j] >= 0;
					out[length++] = json[j];
					if (json[j] == '\\') {
						out[length++] = json[++j];
					}
				}
				i = stringEnd;
			}
			else if (b == '-' || (b >= '0' && b <= '9')) {
				int numberEnd = endOfNumber(json, i, end);
				String number = number(new String(json, i, numberEnd - i, StandardCharsets.ISO_8859_1));
				if (number == null) {
					return null;
				}
				for (int j = 0; j < number.length(); j++) {
					out[length++] = (byte) number.charAt(j);
				}
				i = numberEnd;
			}
			else {
				if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
					out[length++] = b;
				}
				i++;
			}
		}
		String text = new String(out, 0, length, StandardCharsets.UTF_8);
		// Malformed UTF-8 decodes to the replacement character: let the tree's reader
		// judge.
		return (ascii || text.indexOf('\uFFFD') < 0) ? text : null;
	}

	/**
	 * The index after the closing quote of the string starting at {@code i}, or
	 * {@code -1} for a string with an escape whose text the writer may write otherwise.
	 */
	private static int endOfString(byte[] json, int i) {
		int j = i + 1;
		while (json[j] != '"') {
			if (json[j] == '\\') {
				byte escaped = json[j + 1];
				if (escaped != '"' && escaped != '\\' && escaped != '/' && escaped != 'b' && escaped != 'f'
						&& escaped != 'n' && escaped != 'r' && escaped != 't') {
					return -1;
				}
				j++;
			}
			j++;
		}
		return j + 1;
	}

	private static int endOfNumber(byte[] json, int i, int end) {
		int j = i;
		while (j < end && isNumberByte(json[j])) {
			j++;
		}
		return j;
	}

	private static boolean isNumberByte(byte b) {
		return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
	}

	/**
	 * The number as its tree writes it: an integer as it is, but {@code -0} as {@code 0};
	 * a fraction as its {@link BigDecimal}; {@code null} when that has an exponent.
	 */
	private static String number(String number) {
		if (number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0) {
			return number.equals("-0") ? "0" : number;
		}
		String decimal = new BigDecimal(number).toString();
		return (decimal.indexOf('E') < 0) ? decimal : null;
	}

}

package io.workflowpersistence.events;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * Reads the ordering key from validated CloudEvents attributes: {@code entityversion} (a
 * JSON number or a string of digits), else the {@code sequence} extension when it is a
 * string of digits, as the version; {@code time} as the time.
 */
final class OrderingKeys {

	static final String NO_ORDERING_KEY = "no ordering key: the event has neither entityversion (or sequence) nor time";

	private OrderingKeys() {
	}

	static OrderingKey of(JsonNode attributes) {
		Long version = version(attributes);
		Instant time = time(attributes.get("time"));
		if (version == null && time == null) {
			throw new InvalidEventException(NO_ORDERING_KEY);
		}
		return new OrderingKey(version, time);
	}

	private static Long version(JsonNode attributes) {
		JsonNode entityVersion = attributes.get("entityversion");
		if (isPresent(entityVersion)) {
			if (entityVersion.isString()) {
				String text = entityVersion.asString();
				if (!isDigits(text)) {
					throw Rejections
						.notACloudEvent("entityversion is not a string of digits: " + Rejections.quote(text));
				}
				return digits("entityversion", text);
			}
			return entityVersion.isIntegralNumber() ? entityVersion.longValue()
					: entityVersion.decimalValue().longValueExact();
		}
		JsonNode sequence = attributes.get("sequence");
		if (isPresent(sequence) && isDigits(sequence.asString())) {
			return digits("sequence", sequence.asString());
		}
		return null;
	}

	private static Instant time(JsonNode time) {
		if (!isPresent(time)) {
			return null;
		}
		Instant instant = Timestamps.parse(time.asString());
		if (instant == null) {
			throw Rejections.notACloudEvent("time is not an RFC 3339 timestamp: " + Rejections.quote(time.asString()));
		}
		return instant;
	}

	/**
	 * The value of a string of digits, zero-padded or not.
	 */
	private static long digits(String attribute, String digits) {
		long value = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(i) - '0';
			if (value > (Long.MAX_VALUE - digit) / 10) {
				throw Rejections
					.notACloudEvent(attribute + " must be at most " + Long.MAX_VALUE + " but was \"" + digits + "\"");
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static boolean isDigits(String text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isPresent(JsonNode node) {
		return node != null && !node.isNull();
	}

}

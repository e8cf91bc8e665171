package io.workflowpersistence.worker.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads request parameters into typed values. Every problem is collected, so that one 400
 * answer names all bad parameters; {@link #validate()} throws it. Longer than most
 * classes: one small method per parameter type, kept together so that every type is read
 * and reported the same way.
 */
public final class ParameterReader {

	private static final Pattern STATUS = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,49}");

	private static final int MAX_TEXT_LENGTH = 1000;

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	private final ApiProperties properties;

	private final List<InvalidParam> problems = new ArrayList<>();

	/**
	 * Creates a reader.
	 * @param properties the limits requests are read with
	 */
	public ParameterReader(ApiProperties properties) {
		this.properties = properties;
	}

	/**
	 * The limits requests are read with.
	 * @return the settings of the read API
	 */
	public ApiProperties properties() {
		return this.properties;
	}

	/**
	 * Reads a free-text value, matched as data only.
	 * @param name the parameter name
	 * @param value the raw value, or {@code null}
	 * @return the value, or {@code null} when absent or refused
	 */
	public String text(String name, String value) {
		if (value == null) {
			return null;
		}
		if (value.indexOf('\0') >= 0) {
			return reject(name, "must not contain the NUL character");
		}
		if (value.length() > MAX_TEXT_LENGTH) {
			return reject(name, "must be at most " + MAX_TEXT_LENGTH + " characters long");
		}
		return value;
	}

	/**
	 * Reads a repeatable free-text value.
	 * @param name the parameter name
	 * @param values the raw values, or {@code null}
	 * @return the values, or {@code null} when absent
	 */
	public List<String> texts(String name, List<String> values) {
		return values(name, values, false);
	}

	/**
	 * Reads a status name: a letter, then letters, digits, '_', '.' or '-', 50 at most.
	 * @param name the parameter name
	 * @param value the raw value, or {@code null}
	 * @return the value, or {@code null} when absent or refused
	 */
	public String status(String name, String value) {
		if (value == null || STATUS.matcher(value).matches()) {
			return value;
		}
		return reject(name,
				"must be a status name: a letter, then letters, digits, '_', '.' or '-', " + "50 characters at most");
	}

	/**
	 * Reads a repeatable status name.
	 * @param name the parameter name
	 * @param values the raw values, or {@code null}
	 * @return the values, or {@code null} when absent
	 */
	public List<String> statuses(String name, List<String> values) {
		return values(name, values, true);
	}

	/**
	 * Reads an ISO-8601 timestamp with an offset, such as {@code 2024-05-01T08:00:00Z}.
	 * @param name the parameter name
	 * @param value the raw value, or {@code null}
	 * @return the timestamp, or {@code null} when absent or refused
	 */
	public OffsetDateTime timestamp(String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			OffsetDateTime timestamp = OffsetDateTime.parse(value);
			Instant instant = timestamp.toInstant();
			if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
				return reject(name, "must lie between the years 0001 and 9999");
			}
			return timestamp;
		}
		catch (DateTimeParseException ex) {
			return reject(name, "must be an ISO-8601 timestamp with an offset, such as 2024-05-01T08:00:00Z");
		}
	}

	/**
	 * Reads {@code true} or {@code false}, ignoring case.
	 * @param name the parameter name
	 * @param value the raw value, or {@code null}
	 * @return the value, or {@code null} when absent or refused
	 */
	public Boolean bool(String name, String value) {
		if (value == null) {
			return null;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> reject(name, "must be true or false");
		};
	}

	/**
	 * Reads a UUID.
	 * @param name the parameter name
	 * @param value the raw value, or {@code null}
	 * @return the UUID, or {@code null} when absent or refused
	 */
	public UUID uuid(String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 36) {
				return UUID.fromString(value);
			}
		}
		catch (IllegalArgumentException ex) {
			// refused below
		}
		return reject(name, "must be a UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301");
	}

	/**
	 * Reads one of a fixed set of words.
	 * @param name the parameter name
	 * @param value the raw value, or {@code null}
	 * @param defaultValue the value when absent
	 * @param allowed the words accepted, exactly as written
	 * @return the value, or {@code null} when refused
	 */
	public String choice(String name, String value, String defaultValue, List<String> allowed) {
		if (value == null) {
			return defaultValue;
		}
		if (allowed.contains(value)) {
			return value;
		}
		return reject(name, "must be one of " + String.join(", ", allowed));
	}

	/**
	 * Reads the id in a request path.
	 * @param id the raw id
	 * @return the id
	 * @throws InvalidParameterException if the id cannot name a row
	 */
	public static String pathId(String id) {
		if (id.indexOf('\0') >= 0 || id.length() > MAX_TEXT_LENGTH) {
			throw new InvalidParameterException("id",
					"must be at most " + MAX_TEXT_LENGTH + " characters long, without the NUL character");
		}
		return id;
	}

	/**
	 * Records a bad parameter.
	 * @param <T> the type of value the caller expected
	 * @param name the parameter name
	 * @param reason why its value is refused
	 * @return {@code null}, standing in for the refused value
	 */
	public <T> T reject(String name, String reason) {
		this.problems.add(new InvalidParam(name, reason));
		return null;
	}

	/**
	 * Throws if any parameter was refused.
	 * @throws InvalidParameterException naming every refused parameter
	 */
	public void validate() {
		if (!this.problems.isEmpty()) {
			throw new InvalidParameterException(this.problems);
		}
	}

	private List<String> values(String name, List<String> values, boolean statuses) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > this.properties.maxFilterValues()) {
			return reject(name, "may be given at most " + this.properties.maxFilterValues() + " times");
		}
		int before = this.problems.size();
		List<String> read = new ArrayList<>(values.size());
		for (String value : values) {
			if (value == null) {
				reject(name, "must not be null");
			}
			else {
				read.add(statuses ? status(name, value) : text(name, value));
			}
		}
		return (this.problems.size() == before) ? List.copyOf(read) : null;
	}

}

package io.workflowpersistence.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Turns what went wrong into the human-readable rejection reasons that go with a record
 * to the dead-letter topic: each names the attribute or field (by its JSON path) and says
 * what is wrong with it.
 */
final class Rejections {

	static final String NOT_A_CLOUD_EVENT = "not a CloudEvent: ";

	private static final int QUOTED_MAXIMUM = 60;

	private static final int PROBLEMS_SHOWN = 10;

	private Rejections() {
	}

	static InvalidEventException notJson(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null && location.getLineNr() > 0)
				? " at line " + location.getLineNr() + " column " + location.getColumnNr() : "";
		return new InvalidEventException("not JSON: " + ex.getOriginalMessage() + where);
	}

	static InvalidEventException notACloudEvent(String problem) {
		return new InvalidEventException(NOT_A_CLOUD_EVENT + problem);
	}

	static InvalidEventException containsNul(String field) {
		return new InvalidEventException(field + " " + StorableJson.NUL);
	}

	/**
	 * One rejection for the schema errors of the envelope, at most one per attribute.
	 */
	static InvalidEventException envelope(List<Error> errors, Map<String, String> patternTitles) {
		Map<String, String> byAttribute = new LinkedHashMap<>();
		for (Error error : errors) {
			String name = path(error, null);
			byAttribute.putIfAbsent(name, SchemaErrorPhrases.forAttribute(name, error, patternTitles));
		}
		return new InvalidEventException(NOT_A_CLOUD_EVENT + join(byAttribute.values()));
	}

	/**
	 * One rejection for the schema errors of {@code data}, at most one per field.
	 */
	static InvalidEventException data(List<Error> errors, Map<String, String> patternTitles) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (Error error : errors) {
			String field = path(error, "data");
			byField.putIfAbsent(field, field + ": " + SchemaErrorPhrases.forField(error, patternTitles));
		}
		return new InvalidEventException(join(byField.values()));
	}

	/**
	 * The problems, separated by semicolons; only the first few, so that a reason stays
	 * short enough for a header.
	 */
	private static String join(Collection<String> problems) {
		StringJoiner joined = new StringJoiner("; ");
		problems.stream().limit(PROBLEMS_SHOWN).forEach(joined::add);
		if (problems.size() > PROBLEMS_SHOWN) {
			joined.add("and " + (problems.size() - PROBLEMS_SHOWN) + " more");
		}
		return joined.toString();
	}

	/**
	 * The JSON path of the erroneous value, {@code prefix} first: {@code data.tags[1]}.
	 * For a missing required property, the path of that property.
	 */
	static String path(Error error, String prefix) {
		StringBuilder path = new StringBuilder((prefix != null) ? prefix : "");
		NodePath location = error.getInstanceLocation();
		for (int i = 0; i < location.getNameCount(); i++) {
			appendName(path, location.getElement(i));
		}
		if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
			appendName(path, error.getProperty());
		}
		return path.toString();
	}

	private static void appendName(StringBuilder path, Object element) {
		if (element instanceof Integer index) {
			path.append('[').append(index).append(']');
		}
		else {
			path.append(path.isEmpty() ? "" : ".").append(element);
		}
	}

	/**
	 * The JSON type of {@code node} as JSON Schema names it.
	 */
	static String typeOf(JsonNode node) {
		return switch (node.getNodeType()) {
			case STRING -> "string";
			case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
			case BOOLEAN -> "boolean";
			case OBJECT -> "object";
			case ARRAY -> "array";
			case NULL -> "null";
			default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
		};
	}

	/**
	 * The types a {@code type} keyword allows, null left out: {@code string or integer}.
	 */
	static String expectedTypes(JsonNode typeKeyword) {
		if (!typeKeyword.isArray()) {
			return typeKeyword.asString();
		}
		StringJoiner types = new StringJoiner(" or ");
		typeKeyword.values()
			.stream()
			.map(JsonNode::asString)
			.filter((type) -> !"null".equals(type))
			.forEach(types::add);
		return types.toString();
	}

	/**
	 * {@code value} in single quotes, shortened when long, control characters escaped.
	 */
	static String quote(String value) {
		StringBuilder quoted = new StringBuilder("'");
		int count = 0;
		for (int i = 0; i < value.length(); i++, count++) {
			if (count == QUOTED_MAXIMUM) {
				return quoted.append("...'").toString();
			}
			char c = value.charAt(i);
			if (c < 0x20) {
				quoted.append("\\u%04x".formatted((int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('\'').toString();
	}

	static int characters(JsonNode node) {
		String text = node.asString();
		return text.codePointCount(0, text.length());
	}

}

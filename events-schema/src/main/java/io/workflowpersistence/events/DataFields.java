package io.workflowpersistence.events;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed reads of the fields of a validated {@code data} object, as the columns store
 * them: absent and {@code null} both read as {@code null}; text and JSON that PostgreSQL
 * cannot store (a NUL character, a number beyond numeric) are rejected, naming the field.
 */
final class DataFields {

	private static final int UUID_LENGTH = 36;

	private final ObjectNode data;

	private final ObjectMapper mapper;

	DataFields(ObjectNode data, ObjectMapper mapper) {
		this.data = data;
		this.mapper = mapper;
	}

	String text(String name) {
		JsonNode node = value(name);
		if (node == null) {
			return null;
		}
		String text = node.asString();
		if (text.indexOf('\0') >= 0) {
			throw Rejections.containsNul("data." + name);
		}
		return text;
	}

	/**
	 * The field as compact JSON text, for a jsonb column.
	 */
	String json(String name) {
		JsonNode node = value(name);
		if (node == null) {
			return null;
		}
		String json = this.mapper.writeValueAsString(node);
		if (StorableJson.mayHoldProblem(json)) {
			String problem = StorableJson.problem(node);
			if (problem != null) {
				throw new InvalidEventException("data." + name + " " + problem);
			}
		}
		return json;
	}

	/**
	 * Text as it is, or the compact JSON text of an object.
	 */
	String textOrJson(String name) {
		JsonNode node = value(name);
		return (node != null && node.isObject()) ? json(name) : text(name);
	}

	Integer integer(String name) {
		JsonNode node = value(name);
		if (node == null) {
			return null;
		}
		return node.isIntegralNumber() ? node.intValue() : node.decimalValue().intValueExact();
	}

	Boolean bool(String name) {
		JsonNode node = value(name);
		return (node != null) ? node.booleanValue() : null;
	}

	Instant instant(String name) {
		JsonNode node = value(name);
		if (node == null) {
			return null;
		}
		Instant instant = Timestamps.parse(node.asString());
		if (instant == null) {
			throw new InvalidEventException(
					"data." + name + ": not an RFC 3339 timestamp: " + Rejections.quote(node.asString()));
		}
		return instant;
	}

	UUID uuid(String name) {
		JsonNode node = value(name);
		if (node == null) {
			return null;
		}
		String text = node.asString();
		// The schema's pattern has checked the form, except that its '$' also matches
		// before a final line break.
		if (text.length() != UUID_LENGTH) {
			throw new InvalidEventException("data." + name + ": not a uuid: " + Rejections.quote(text));
		}
		return UUID.fromString(text);
	}

	/**
	 * The distinct strings of an array field, in their order; empty when absent.
	 */
	List<String> distinctTexts(String name) {
		JsonNode node = value(name);
		if (node == null) {
			return List.of();
		}
		Set<String> texts = new LinkedHashSet<>();
		for (int i = 0; i < node.size(); i++) {
			String text = node.get(i).asString();
			if (text.indexOf('\0') >= 0) {
				throw Rejections.containsNul("data." + name + "[" + i + "]");
			}
			texts.add(text);
		}
		return List.copyOf(texts);
	}

	private JsonNode value(String name) {
		JsonNode node = this.data.get(name);
		return (node == null || node.isNull()) ? null : node;
	}

}

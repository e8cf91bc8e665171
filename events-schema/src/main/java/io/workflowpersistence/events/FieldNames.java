package io.workflowpersistence.events;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The property names of one schema, matched case-insensitively: producers write
 * {@code workflowInstanceId} or {@code WorkflowInstanceId} for the same field. Immutable
 * and thread-safe.
 */
final class FieldNames {

	private final Set<String> canonical;

	private final Map<String, String> byLowerCase;

	private FieldNames(Set<String> canonical) {
		this.canonical = Set.copyOf(canonical);
		Map<String, String> byLowerCase = new HashMap<>();
		canonical.forEach((name) -> byLowerCase.put(lowerCase(name), name));
		this.byLowerCase = Map.copyOf(byLowerCase);
	}

	/**
	 * The names of the {@code properties} of {@code schema}.
	 */
	static FieldNames of(JsonNode schema) {
		return new FieldNames(Set.copyOf(schema.path("properties").propertyNames()));
	}

	/**
	 * The schema's name for {@code name}, matched ignoring case, or {@code null} when the
	 * schema does not name it.
	 */
	String canonical(String name) {
		return this.canonical.contains(name) ? name : this.byLowerCase.get(lowerCase(name));
	}

	/**
	 * {@code object} with its known properties under their schema names; properties the
	 * schema does not name are left out. Returns {@code object} itself when it already
	 * uses the schema's names, which is the common case.
	 * @param what how a rejection names the object's properties, e.g. {@code data}
	 */
	ObjectNode normalize(ObjectNode object, String what) {
		if (usesCanonicalNames(object)) {
			return object;
		}
		ObjectNode normalized = JsonNodeFactory.instance.objectNode();
		Map<String, String> written = new HashMap<>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			String name = property.getKey();
			String canonicalName = canonical(name);
			if (canonicalName == null) {
				continue;
			}
			String previous = written.putIfAbsent(canonicalName, name);
			if (previous != null) {
				throw new InvalidEventException("%s: '%s' and '%s' are the same field '%s' written twice"
					.formatted(what, previous, name, canonicalName));
			}
			normalized.set(canonicalName, property.getValue());
		}
		return normalized;
	}

	private boolean usesCanonicalNames(ObjectNode object) {
		for (String name : object.propertyNames()) {
			if (!this.canonical.contains(name) && this.byLowerCase.containsKey(lowerCase(name))) {
				return false;
			}
		}
		return true;
	}

	private static String lowerCase(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}

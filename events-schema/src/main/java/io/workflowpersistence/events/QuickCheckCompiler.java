package io.workflowpersistence.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Compiles the schema files into {@link QuickCheck}s, keyword by keyword, following
 * {@code $ref}s (which, in draft 2020-12, apply alongside the keywords next to them). A
 * keyword it does not know makes its schema never sure, so that the full validator judges
 * every value there; {@link #notUnderstood} lists such keywords.
 */
final class QuickCheckCompiler {

	private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description",
			"examples", "default", "deprecated", "readOnly", "writeOnly");

	private final SchemaDocuments documents = new SchemaDocuments();

	private final Set<String> compiling = new HashSet<>();

	private final Set<String> notUnderstood = new TreeSet<>();

	/**
	 * The check of the schema {@code reference} names, e.g.
	 * {@code deleted.schema.json#/$defs/uuidKeyed}.
	 */
	QuickCheck compile(String reference) {
		return compile(this.documents.resolve(reference, null));
	}

	/**
	 * The check of {@code schema}, whose references are relative to the schema files.
	 */
	QuickCheck compile(JsonNode schema) {
		return compile(new SchemaDocuments.Subschema("#", "", schema));
	}

	/**
	 * The keywords met so far that the checks do not know, with where they were met.
	 */
	Set<String> notUnderstood() {
		return Set.copyOf(this.notUnderstood);
	}

	private QuickCheck compile(SchemaDocuments.Subschema subschema) {
		JsonNode schema = subschema.schema();
		if (schema.isBoolean()) {
			return schema.booleanValue() ? QuickCheck.ANYTHING : QuickCheck.NEVER_SURE;
		}
		if (!schema.isObject()) {
			this.notUnderstood.add("a schema that is " + schema.getNodeType() + " at " + subschema.location());
			return QuickCheck.NEVER_SURE;
		}
		if (!this.compiling.add(subschema.location())) {
			this.notUnderstood.add("$ref to itself at " + subschema.location());
			return QuickCheck.NEVER_SURE;
		}
		List<QuickCheck.Constraint> constraints = new ArrayList<>();
		for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
			if (!ANNOTATIONS.contains(keyword.getKey())) {
				constraints.add(constraint(keyword.getKey(), keyword.getValue(), subschema));
			}
		}
		this.compiling.remove(subschema.location());
		return new QuickCheck(constraints);
	}

	private QuickCheck.Constraint constraint(String keyword, JsonNode value, SchemaDocuments.Subschema subschema) {
		return switch (keyword) {
			case "type" -> type(value, subschema);
			case "const" -> value::equals;
			case "enum" -> (instance) -> value.values().contains(instance);
			case "minLength" -> Constraints.minLength(value.asInt());
			case "maxLength" -> Constraints.maxLength(value.asInt());
			case "pattern" -> Constraints.strings(PatternMatchers.forPattern(value.asString()));
			case "format" -> format(value.asString(), subschema);
			case "minimum" -> Constraints.minimum(value.decimalValue());
			case "maximum" -> Constraints.maximum(value.decimalValue());
			case "required" -> Constraints.required(value.values().stream().map(JsonNode::asString).toList());
			case "properties" -> properties(value, subschema);
			case "items" -> Constraints.items(compile(child(value, subschema, "items")));
			case "$ref" -> compile(this.documents.resolve(value.asString(), subschema.file()))::surelyHolds;
			default -> neverSure(keyword, subschema);
		};
	}

	private QuickCheck.Constraint type(JsonNode types, SchemaDocuments.Subschema subschema) {
		int allowed = 0;
		for (JsonNode type : types.isArray() ? types.values() : List.of(types)) {
			int kinds = JsonKinds.named(type.asString());
			if (kinds == 0) {
				return neverSure("type " + type, subschema);
			}
			allowed |= kinds;
		}
		return JsonKinds.oneOf(allowed);
	}

	private QuickCheck.Constraint format(String format, SchemaDocuments.Subschema subschema) {
		// Whether or not the validator asserts formats, a value in the strict form
		// passes.
		return "uuid".equals(format) ? Constraints.strings(PatternMatchers::isUuid)
				: neverSure("format " + format, subschema);
	}

	private QuickCheck.Constraint properties(JsonNode properties, SchemaDocuments.Subschema subschema) {
		List<Constraints.Property> checks = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			checks.add(new Constraints.Property(property.getKey(),
					compile(child(property.getValue(), subschema, "properties/" + property.getKey()))));
		}
		return Constraints.properties(checks);
	}

	private static SchemaDocuments.Subschema child(JsonNode schema, SchemaDocuments.Subschema parent, String path) {
		return new SchemaDocuments.Subschema(parent.location() + "/" + path, parent.file(), schema);
	}

	private QuickCheck.Constraint neverSure(String keyword, SchemaDocuments.Subschema subschema) {
		this.notUnderstood.add(keyword + " at " + subschema.location());
		return (instance) -> false;
	}

}

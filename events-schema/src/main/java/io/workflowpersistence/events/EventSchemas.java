package io.workflowpersistence.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of the events, loaded from {@code schemas/} on the class path and
 * compiled once: the envelope's and one for the {@code data} of each event type. Each is
 * also compiled into a {@link QuickCheck}, which passes a valid value on its own; only
 * the values it is not sure of go to the full validator, which finds and words what is
 * wrong. Immutable and thread-safe once built.
 */
final class EventSchemas {

	/**
	 * The base of the schemas' {@code $id}s; they are read from the class path.
	 */
	static final String BASE_ID = "https://workflowpersistence.io/schemas/";

	private static final String COMMON = "common.schema.json";

	private static final String ENVELOPE = "cloudevent.schema.json";

	private static final String DELETED = "deleted.schema.json";

	private static final String DELETED_UUID_KEYED = DELETED + "#/$defs/uuidKeyed";

	private final Schema envelope;

	private final QuickCheck envelopeCheck;

	private final FieldNames envelopeNames;

	private final Map<String, DataSchema> byType;

	private final Map<String, String> patternTitles;

	/**
	 * The schemas, with the quick checks in front of the full validator.
	 */
	EventSchemas() {
		this(new QuickCheckCompiler());
	}

	/**
	 * The schemas, every value judged by the full validator alone when {@code checks} is
	 * {@code null}.
	 */
	private EventSchemas(QuickCheckCompiler checks) {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder
					.schemaIdResolvers((resolvers) -> resolvers.mapPrefix(BASE_ID, "classpath:schemas/")));
		this.envelope = load(registry, ENVELOPE);
		this.envelopeCheck = (checks != null) ? checks.compile(ENVELOPE) : QuickCheck.NEVER_SURE;
		this.envelopeNames = FieldNames.of(this.envelope.getSchemaNode());
		this.byType = dataSchemas(registry, checks);
		this.patternTitles = patternTitles(load(registry, COMMON).getSchemaNode());
	}

	/**
	 * The schemas without the quick checks, to compare verdicts with.
	 */
	static EventSchemas fullValidationOnly() {
		return new EventSchemas(null);
	}

	/**
	 * The schema file of the {@code data} of an event type, relative to {@code schemas/}.
	 */
	static String dataSchemaFile(EntityType entityType, Operation operation) {
		if (operation == Operation.DELETED) {
			return isUuidKeyed(entityType) ? DELETED_UUID_KEYED : DELETED;
		}
		return entityType.cloudEventType(operation) + ".schema.json";
	}

	static boolean isUuidKeyed(EntityType entityType) {
		return entityType == EntityType.WORKFLOW_CATEGORY || entityType == EntityType.ACTIVITY_DEFINITION;
	}

	FieldNames envelopeNames() {
		return this.envelopeNames;
	}

	/**
	 * The data schema of CloudEvents type {@code type}, or {@code null} for a type that
	 * is not an event of this contract.
	 */
	DataSchema forType(String type) {
		return this.byType.get(type);
	}

	void validateEnvelope(JsonNode attributes) {
		if (this.envelopeCheck.surelyHolds(attributes)) {
			return;
		}
		List<Error> errors = this.envelope.validate(attributes);
		if (!errors.isEmpty()) {
			throw Rejections.envelope(errors, this.patternTitles);
		}
	}

	void validateData(DataSchema dataSchema, JsonNode data) {
		if (dataSchema.check().surelyHolds(data)) {
			return;
		}
		List<Error> errors = dataSchema.schema().validate(data);
		if (!errors.isEmpty()) {
			throw Rejections.data(errors, this.patternTitles);
		}
	}

	private static Map<String, DataSchema> dataSchemas(SchemaRegistry registry, QuickCheckCompiler checks) {
		// The deletes of most types share one file: load and compile each file once.
		Map<String, Schema> loaded = new HashMap<>();
		Map<String, QuickCheck> compiled = new HashMap<>();
		Map<String, DataSchema> byType = new HashMap<>();
		for (EntityType entityType : EntityType.values()) {
			for (Operation operation : Operation.values()) {
				String file = dataSchemaFile(entityType, operation);
				Schema schema = loaded.computeIfAbsent(file, (unloaded) -> load(registry, unloaded));
				QuickCheck check = compiled.computeIfAbsent(file,
						(unchecked) -> (checks != null) ? checks.compile(unchecked) : QuickCheck.NEVER_SURE);
				byType.put(entityType.cloudEventType(operation),
						new DataSchema(entityType, operation, schema, check, FieldNames.of(schema.getSchemaNode())));
			}
		}
		return Map.copyOf(byType);
	}

	private static Schema load(SchemaRegistry registry, String file) {
		Schema schema = registry.getSchema(SchemaLocation.of(BASE_ID + file));
		schema.initializeValidators();
		return schema;
	}

	private static Map<String, String> patternTitles(JsonNode common) {
		Map<String, String> titles = new HashMap<>();
		for (JsonNode definition : common.path("$defs").values()) {
			if (definition.has("pattern") && definition.has("title")) {
				titles.put(definition.get("pattern").asString(), definition.get("title").asString());
			}
		}
		return Map.copyOf(titles);
	}

	/**
	 * The compiled schema of the {@code data} of one event type, with its quick check and
	 * its field names.
	 */
	record DataSchema(EntityType entityType, Operation operation, Schema schema, QuickCheck check,
			FieldNames fieldNames) {
	}

}

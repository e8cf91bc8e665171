package io.workflowpersistence.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.workflowpersistence.events.TestRecords.example;
import static io.workflowpersistence.events.TestRecords.headersFromLines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema files themselves: valid draft 2020-12 schemas, in step with the event
 * records, and satisfied by the contract's examples.
 */
class EventSchemaFilesTests {

	private static final Path SCHEMAS = Path.of("src/main/resources/schemas");

	private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder
				.schemaIdResolvers((resolvers) -> resolvers.mapPrefix(EventSchemas.BASE_ID, "classpath:schemas/")));

	static Stream<Path> schemaFiles() throws IOException {
		return Files.list(SCHEMAS).filter((file) -> file.toString().endsWith(".schema.json")).sorted();
	}

	@ParameterizedTest
	@MethodSource("schemaFiles")
	void eachSchemaFileIsAValidDraft202012Schema(Path file) throws IOException {
		JsonNode schema = MAPPER.readTree(Files.readString(file));
		assertThat(schema.get("$schema").asString()).isEqualTo(DRAFT_2020_12);
		assertThat(schema.get("$id").asString()).isEqualTo(EventSchemas.BASE_ID + file.getFileName());
		assertThat(metaSchema().validate(schema)).isEmpty();
	}

	@Test
	void theMetaSchemaFindsAnInvalidSchema() {
		JsonNode invalid = MAPPER.readTree("{\"type\": \"text\", \"required\": \"id\", \"maxLength\": -1}");
		assertThat(metaSchema().validate(invalid)).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void thereIsADataSchemaForEveryEventType() {
		Set<String> files = Arrays.stream(EntityType.values())
			.flatMap((entityType) -> Arrays.stream(Operation.values())
				.map((operation) -> EventSchemas.dataSchemaFile(entityType, operation).replaceFirst("#.*", "")))
			.collect(Collectors.toSet());
		assertThat(files).allSatisfy((file) -> assertThat(SCHEMAS.resolve(file)).isRegularFile());
		assertThat(files).hasSize(8);
	}

	@Test
	void eachUpsertSchemaNamesExactlyTheFieldsOfItsRecord() {
		Map<EntityType, Class<? extends Record>> records = Map.of(EntityType.WORKFLOW_DEFINITION,
				WorkflowDefinition.class, EntityType.WORKFLOW_INSTANCE, WorkflowInstance.class,
				EntityType.WORKFLOW_ACTIVITY, ActivityExecutionRecord.class, EntityType.WORKFLOW_BOOKMARK,
				Bookmark.class, EntityType.WORKFLOW_TRIGGER, Trigger.class, EntityType.WORKFLOW_CATEGORY,
				WorkflowCategory.class, EntityType.ACTIVITY_DEFINITION, CustomActivityDefinition.class);
		records.forEach((entityType, record) -> {
			JsonNode schema = dataSchema(entityType.cloudEventType(Operation.UPSERTED)).getSchemaNode();
			List<String> components = Arrays.stream(record.getRecordComponents()).map((c) -> c.getName()).toList();
			assertThat(schema.get("properties").propertyNames()).as(entityType.name())
				.containsExactlyInAnyOrderElementsOf(components);
			assertThat(schema.get("required").values()).map(JsonNode::asString).isSubsetOf(components);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "instance-upserted.json", "bookmark-upserted.json", "bookmark-deleted.json",
			"instance-deleted.json", "definition-upserted.json", "category-upserted.json",
			"activity-definition-upserted.json", "trigger-upserted.json" })
	void eachStructuredExampleSatisfiesTheSchemas(String example) {
		JsonNode event = MAPPER.readTree(example(example));
		assertThat(envelopeSchema().validate(event)).isEmpty();
		assertSatisfiesDataSchema(event.get("type").asString(), (ObjectNode) event.get("data"));
	}

	@Test
	void theBinaryExampleSatisfiesTheSchemas() {
		ObjectNode attributes = MAPPER.createObjectNode();
		headersFromLines(example("activity-upserted.binary.headers")).forEach((header) -> {
			if (header.key().startsWith("ce_")) {
				attributes.put(header.key().substring(3), new String(header.value()));
			}
		});
		attributes.set("data", MAPPER.readTree(example("activity-upserted.binary.json")));
		assertThat(envelopeSchema().validate(attributes)).isEmpty();
		assertSatisfiesDataSchema(attributes.get("type").asString(), (ObjectNode) attributes.get("data"));
	}

	@Test
	void theSchemasRejectAnInvalidEvent() {
		JsonNode event = MAPPER.readTree(example("instance-upserted.json"));
		((ObjectNode) event).put("specversion", "0.3");
		((ObjectNode) event.get("data")).remove("status");
		assertThat(envelopeSchema().validate(event)).hasSize(1);
		assertThat(dataSchema("workflow.instance.upserted").validate(event.get("data"))).hasSize(1);
	}

	private static void assertSatisfiesDataSchema(String type, ObjectNode data) {
		Schema schema = dataSchema(type);
		// Field names match ignoring case, as producers writing PascalCase rely on.
		ObjectNode normalized = FieldNames.of(schema.getSchemaNode()).normalize(data, "data");
		assertThat(schema.validate(normalized)).isEmpty();
	}

	private static Schema metaSchema() {
		return REGISTRY.getSchema(SchemaLocation.of(DRAFT_2020_12));
	}

	private static Schema envelopeSchema() {
		return REGISTRY.getSchema(SchemaLocation.of(EventSchemas.BASE_ID + "cloudevent.schema.json"));
	}

	private static Schema dataSchema(String type) {
		int separator = type.lastIndexOf('.');
		EntityType entityType = Arrays.stream(EntityType.values())
			.filter((candidate) -> candidate.prefix().equals(type.substring(0, separator)))
			.findFirst()
			.orElseThrow();
		Operation operation = Operation.valueOf(type.substring(separator + 1).toUpperCase());
		return REGISTRY
			.getSchema(SchemaLocation.of(EventSchemas.BASE_ID + EventSchemas.dataSchemaFile(entityType, operation)));
	}

}

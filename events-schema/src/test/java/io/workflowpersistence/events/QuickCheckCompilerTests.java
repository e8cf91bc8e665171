package io.workflowpersistence.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick checks compiled from the schema files: they understand every keyword there,
 * so that a valid event never needs the full validator, and they are sure of no invalid
 * value.
 */
class QuickCheckCompilerTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void understandsEveryKeywordOfTheSchemaFiles() {
		QuickCheckCompiler compiler = new QuickCheckCompiler();
		compiler.compile("cloudevent.schema.json");
		for (EntityType entityType : EntityType.values()) {
			for (Operation operation : Operation.values()) {
				compiler.compile(EventSchemas.dataSchemaFile(entityType, operation));
			}
		}
		assertThat(compiler.notUnderstood()).isEmpty();
	}

	@Test
	void isSureOfEveryValidEvent() {
		QuickCheckCompiler compiler = new QuickCheckCompiler();
		QuickCheck envelope = compiler.compile("cloudevent.schema.json");
		EventSchemas schemas = new EventSchemas();
		for (ObjectNode event : MutatedRecords.validEvents()) {
			EventSchemas.DataSchema dataSchema = schemas.forType(event.get("type").asString());
			ObjectNode data = dataSchema.fieldNames().normalize((ObjectNode) event.get("data"), "data");
			assertThat(envelope.surelyHolds(event)).as(event.toString()).isTrue();
			assertThat(dataSchema.check().surelyHolds(data)).as(event.toString()).isTrue();
		}
	}

	@Test
	void isNeverSureOfAKeywordItDoesNotKnow() {
		QuickCheck check = compile("{\"type\": \"string\", \"multipleOf\": 2}");
		assertThat(check.surelyHolds(MAPPER.readTree("\"a\""))).isFalse();
		QuickCheck tuple = compile("{\"items\": [{\"type\": \"string\"}]}");
		assertThat(tuple.surelyHolds(MAPPER.readTree("[\"a\"]"))).isFalse();
	}

	@Test
	void followsReferencesAlongsideTheKeywordsNextToThem() {
		QuickCheck check = compile(
				"{\"type\": \"string\", \"$ref\": \"common.schema.json#/$defs/key\", \"maxLength\": 3}");
		assertThat(check.surelyHolds(MAPPER.readTree("\"abc\""))).isTrue();
		assertThat(check.surelyHolds(MAPPER.readTree("\"abcd\""))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("\"\""))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("7"))).isFalse();
	}

	@Test
	void judgesEachKeywordOnlyForTheTypesItAppliesTo() {
		QuickCheck check = compile("""
				{"type": ["string", "integer", "null"], "minimum": 0, "maximum": 9, "maxLength": 2,
				 "pattern": "^[0-9]+$"}""");
		assertThat(check.surelyHolds(MAPPER.readTree("\"12\""))).isTrue();
		assertThat(check.surelyHolds(MAPPER.readTree("9"))).isTrue();
		assertThat(check.surelyHolds(MAPPER.readTree("null"))).isTrue();
		assertThat(check.surelyHolds(MAPPER.readTree("10"))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("\"123\""))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("\"1a\""))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("1.0"))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("true"))).isFalse();
	}

	@Test
	void leavesWholeNumbersWithAFractionPartToTheFullValidator() {
		QuickCheck check = compile("{\"type\": \"integer\"}");
		assertThat(check.surelyHolds(MAPPER.readTree("4"))).isTrue();
		assertThat(check.surelyHolds(MAPPER.readTree("4.0"))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("\"4\""))).isFalse();
	}

	@Test
	void checksRequiredPropertiesAndTheirValues() {
		QuickCheck check = compile("""
				{"type": "object", "required": ["id"],
				 "properties": {"id": {"type": "string"}, "tags": {"items": {"type": "string"}}}}""");
		assertThat(check.surelyHolds(MAPPER.readTree("{\"id\": \"a\", \"tags\": [\"b\"], \"other\": 1}"))).isTrue();
		assertThat(check.surelyHolds(MAPPER.readTree("{\"tags\": [\"b\"]}"))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("{\"id\": null}"))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("{\"id\": \"a\", \"tags\": [1]}"))).isFalse();
		assertThat(check.surelyHolds(MAPPER.readTree("[]"))).isFalse();
	}

	private static QuickCheck compile(String schema) {
		return new QuickCheckCompiler().compile(MAPPER.readTree(schema));
	}

}

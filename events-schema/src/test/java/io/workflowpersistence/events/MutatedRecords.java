package io.workflowpersistence.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.Headers;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.workflowpersistence.events.TestRecords.example;
import static io.workflowpersistence.events.TestRecords.headers;
import static io.workflowpersistence.events.TestRecords.headersFromLines;
import static io.workflowpersistence.events.TestRecords.noHeaders;
import static io.workflowpersistence.events.TestRecords.utf8;

/**
 * Valid events of every type and systematic mutations of them, in both content modes:
 * each attribute and field removed, renamed in another case, written twice, or set to
 * each of a list of values chosen to sit on either side of every limit of the schemas.
 */
final class MutatedRecords {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final List<String> STRUCTURED_EXAMPLES = List.of("instance-upserted.json", "bookmark-upserted.json",
			"bookmark-deleted.json", "instance-deleted.json", "definition-upserted.json", "category-upserted.json",
			"activity-definition-upserted.json", "trigger-upserted.json");

	private static final String UUID = Events.CATEGORY_ID;

	private static final String EMOJI = "\uD83D\uDE00";

	private MutatedRecords() {
	}

	/**
	 * All records: the valid ones first, then the mutations.
	 */
	static List<TestRecord> all() {
		List<TestRecord> records = new ArrayList<>();
		List<ObjectNode> events = validEvents();
		for (ObjectNode event : events) {
			addBothModes(records, "valid", event);
		}
		for (ObjectNode event : events) {
			for (ObjectNode mutation : mutations(event)) {
				addBothModes(records, "mutation of " + event.get("type"), mutation);
			}
		}
		for (ObjectNode event : events) {
			records.addAll(withANameTwice(event));
		}
		records.add(new TestRecord("binary example", utf8(example("activity-upserted.binary.json")),
				headersFromLines(example("activity-upserted.binary.headers"))));
		records.addAll(oddRecords());
		return records;
	}

	static List<ObjectNode> validEvents() {
		List<ObjectNode> events = new ArrayList<>();
		STRUCTURED_EXAMPLES.forEach((name) -> events.add((ObjectNode) MAPPER.readTree(example(name))));
		List.of(Events.instance(), Events.definition(), Events.activity(), Events.bookmark(), Events.trigger(),
				Events.category(), Events.activityDefinition())
			.forEach((builder) -> events.add((ObjectNode) MAPPER.readTree(builder.json())));
		for (EntityType entityType : EntityType.values()) {
			String id = EventSchemas.isUuidKeyed(entityType) ? UUID : "id-" + entityType.ordinal();
			events.add((ObjectNode) MAPPER.readTree(Events.deleted(entityType, id).json()));
		}
		return events;
	}

	private static List<ObjectNode> mutations(ObjectNode event) {
		List<ObjectNode> mutations = new ArrayList<>();
		mutations.addAll(mutationsOf(event, null, names(event, "cloudevent.schema.json")));
		String type = event.get("type").asString();
		String file = dataSchemaFile(type);
		mutations.addAll(mutationsOf(event, "data", names(event.get("data"), file)));
		return mutations;
	}

	/**
	 * Mutations of the properties {@code names} of the event, or of its {@code data}.
	 */
	private static List<ObjectNode> mutationsOf(ObjectNode event, String data, Set<String> names) {
		List<ObjectNode> mutations = new ArrayList<>();
		for (String name : names) {
			mutations.add(mutate(event, data, (object) -> object.remove(name)));
			mutations.add(mutate(event, data, (object) -> rename(object, name, name.toUpperCase(Locale.ROOT))));
			mutations.add(mutate(event, data, (object) -> rename(object, name, pascalCase(name))));
			mutations.add(mutate(event, data, (object) -> object.set(name.toUpperCase(Locale.ROOT), text("twice"))));
			mutations.add(mutate(event, data, (object) -> object.set(name + "Extra", text("extra"))));
			for (JsonNode value : values()) {
				mutations.add(mutate(event, data, (object) -> object.set(name, value)));
			}
		}
		return mutations;
	}

	private static ObjectNode mutate(ObjectNode event, String data, java.util.function.Consumer<ObjectNode> change) {
		ObjectNode copy = event.deepCopy();
		JsonNode target = (data != null) ? copy.get(data) : copy;
		if (target instanceof ObjectNode object) {
			change.accept(object);
		}
		return copy;
	}

	private static void rename(ObjectNode object, String from, String to) {
		JsonNode value = object.remove(from);
		if (value != null) {
			object.set(to, value);
		}
	}

	/**
	 * The property names of the schema and those the object has, so that absent fields
	 * get values too.
	 */
	private static Set<String> names(JsonNode object, String schemaFile) {
		Set<String> names = new LinkedHashSet<>();
		JsonNode schema = new SchemaDocuments().resolve(schemaFile, null).schema();
		names.addAll(schema.path("properties").propertyNames());
		if (object != null && object.isObject()) {
			names.addAll(object.propertyNames());
		}
		return names;
	}

	private static String dataSchemaFile(String type) {
		for (EntityType entityType : EntityType.values()) {
			for (Operation operation : Operation.values()) {
				if (entityType.cloudEventType(operation).equals(type)) {
					return EventSchemas.dataSchemaFile(entityType, operation);
				}
			}
		}
		throw new IllegalArgumentException(type);
	}

	/**
	 * Values on either side of each limit, of each JSON type.
	 */
	static List<JsonNode> values() {
		List<String> texts = new ArrayList<>(List.of("", " ", "x", "7", "007", "-1", "4.0", "1e2", "abc\u0000def",
				"1.0", "1.0\n", "0.3", "#2E7D32", "#2e7d3", "#GGGGGG", "#2E7D32\n", UUID, UUID.toUpperCase(Locale.ROOT),
				UUID + "\n", UUID.substring(1), UUID.replace('-', '_'), "workflow.instance.upserted",
				"Workflow.Instance.Upserted", "2026-11-24T10:15:30Z", "2026-11-24t10:15:30z", "2026-11-24T10:15:30",
				"2026-11-24T10:15:30.123456789+01:00", "2026-11-24T10:15:30.1234567890Z", "2026-13-24T10:15:30Z",
				"2026-02-30T10:15:30Z", "2026-11-24T24:00:00Z", "2026-11-24T10:15:30Z\n", "2026-11-24 10:15:30Z",
				"2026-11-24T10:15:30+1:00", "2026-11-24T10:15:30.Z", "\n2026-11-24T10:15:30Z", "9223372036854775807",
				"9223372036854775808", "00000000000000000000000000000000000007"));
		for (int length : List.of(7, 8, 20, 21, 50, 51, 100, 101, 255, 256)) {
			texts.add("x".repeat(length));
			texts.add(EMOJI.repeat(length));
			texts.add("x".repeat(length - 1) + EMOJI);
		}
		List<JsonNode> values = new ArrayList<>();
		texts.forEach((text) -> values.add(text(text)));
		for (String json : List.of("null", "true", "false", "0", "-1", "1", "7", "2147483647", "2147483648",
				"-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
				"4.0", "1.5", "1e2", "-0.0", "1E+400", "{}", "{\"a\": 1}", "{\"a\": \"\\u0000\"}", "[]", "[\"a\"]",
				"[1]", "[null]", "[\"a\", \"a\"]", "[\"" + "x".repeat(50) + "\"]", "[\"" + "x".repeat(51) + "\"]",
				"[\"a\\u0000\"]", "[[\"a\"]]")) {
			values.add(MAPPER.readTree(json));
		}
		return values;
	}

	private static JsonNode text(String text) {
		return MAPPER.getNodeFactory().stringNode(text);
	}

	private static String pascalCase(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static void addBothModes(List<TestRecord> records, String what, ObjectNode event) {
		String json = event.toString();
		records.add(new TestRecord(what + " " + json, utf8(json), noHeaders()));
		records.add(new TestRecord(what + " (structured by header) " + json, utf8(json),
				headers("content-type", "application/cloudevents+json")));
		TestRecords.BinaryRecord binary = binary(event);
		records.add(new TestRecord(what + " (binary) " + json, binary.value(), binary.headers()));
	}

	/**
	 * The binary-mode record of an event whatever its attributes' types: a header of an
	 * attribute's text, or of its JSON when it is not a string.
	 */
	private static TestRecords.BinaryRecord binary(ObjectNode event) {
		List<String> keysAndValues = new ArrayList<>();
		for (Map.Entry<String, JsonNode> attribute : event.properties()) {
			if (!attribute.getKey().equalsIgnoreCase("data") && !attribute.getValue().isNull()) {
				JsonNode value = attribute.getValue();
				keysAndValues.add("ce_" + attribute.getKey());
				keysAndValues.add(value.isString() ? value.asString() : value.toString());
			}
		}
		keysAndValues.add("content-type");
		keysAndValues.add("application/json");
		JsonNode data = event.get("data");
		byte[] value = (data != null) ? utf8(data.toString()) : utf8("");
		return new TestRecords.BinaryRecord(value, headers(keysAndValues.toArray(String[]::new)));
	}

	/**
	 * The event written with the first property of one of its objects twice, for each of
	 * its objects.
	 */
	private static List<TestRecord> withANameTwice(ObjectNode event) {
		List<TestRecord> records = new ArrayList<>();
		for (int target = 0;; target++) {
			StringBuilder json = new StringBuilder();
			if (!write(event, new int[] { target }, json)) {
				return records;
			}
			records.add(new TestRecord("a name twice " + json, utf8(json.toString()), noHeaders()));
		}
	}

	/**
	 * Writes {@code node}, the first property of object number {@code countdown[0]}
	 * twice; whether there was such an object.
	 */
	private static boolean write(JsonNode node, int[] countdown, StringBuilder json) {
		boolean written = false;
		if (node.isObject()) {
			boolean twice = countdown[0]-- == 0 && !node.isEmpty();
			written = twice;
			json.append('{');
			String separator = "";
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				for (int i = 0; i < (twice ? 2 : 1); i++) {
					json.append(separator).append(text(property.getKey())).append(':');
					written |= write(property.getValue(), countdown, json);
					separator = ",";
				}
				twice = false;
			}
			json.append('}');
		}
		else if (node.isArray()) {
			json.append('[');
			String separator = "";
			for (JsonNode item : node.values()) {
				json.append(separator);
				written |= write(item, countdown, json);
				separator = ",";
			}
			json.append(']');
		}
		else {
			json.append(node);
		}
		return written;
	}

	/**
	 * Records that are not events at all, or only nearly.
	 */
	private static List<TestRecord> oddRecords() {
		List<TestRecord> records = new ArrayList<>();
		for (String value : List.of("", " ", "{x", "[1, 2]", "\"text\"", "7", "null", "{}",
				"{\"id\": \"a\", \"id\": \"b\"}", "{\"specversion\": \"1.0\"}",
				"{\"SpecVersion\": \"1.0\", \"data\": {}}")) {
			records.add(new TestRecord("odd " + value, utf8(value), noHeaders()));
			records.add(new TestRecord("odd structured " + value, utf8(value),
					headers("content-type", "application/cloudevents+json")));
		}
		records.add(new TestRecord("headers in another case",
				utf8("{\"id\": \"wi-1\", \"definitionId\": \"d\", \"status\": \"s\"}"),
				headers("CE_SPECVERSION", "1.0", "Ce_Id", "e-1", "ce_SOURCE", "/s", "ce_type",
						"workflow.instance.upserted", "ce_entityVersion", "3")));
		return records;
	}

	record TestRecord(String description, byte[] value, Headers headers) {
	}

}

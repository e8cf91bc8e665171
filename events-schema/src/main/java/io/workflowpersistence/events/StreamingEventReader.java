package io.workflowpersistence.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parser's fast path for the common valid event. Building the tree of a whole record
 * and writing its jsonb members back to text took most of the parser's time; this reads
 * the record once with the streaming parser, makes nodes of the scalar attributes and
 * fields only, and takes the text of the jsonb fields from the record's bytes. It is only
 * sure of what the quick checks pass: whenever it meets anything else (a name in another
 * case, an unknown type, a duplicate name, a fraction, an escape it does not copy, any
 * rejection) it answers {@code null}, and the tree path judges the record and words its
 * rejection, so that no verdict and no rejection depends on the path taken. Thread-safe.
 */
final class StreamingEventReader {

	/**
	 * The fields that {@link EntityReader} reads as JSON text. Their schemas look at no
	 * more than their kind, so an empty object or array stands for them in the quick
	 * check.
	 */
	static final Set<String> JSON_FIELDS = Set.of("data", "exception", "inputProperties", "outputProperties");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String DATA = "data";

	private final ObjectMapper streamingMapper;

	private final ObjectMapper treeMapper;

	private final EventSchemas schemas;

	/**
	 * @param streamingMapper a mapper whose parsers reject duplicate names
	 * @param treeMapper the mapper of the tree path, to read and write JSON as it does
	 */
	StreamingEventReader(ObjectMapper streamingMapper, ObjectMapper treeMapper, EventSchemas schemas) {
		this.streamingMapper = streamingMapper;
		this.treeMapper = treeMapper;
		this.schemas = schemas;
	}

	/**
	 * The event the record carries, or {@code null} when this path is not sure of it.
	 */
	WorkflowEvent read(byte[] value, Headers headers) {
		try (JsonParser parser = this.streamingMapper.createParser(value)) {
			return read(parser, value, headers);
		}
		catch (RuntimeException ex) {
			// Malformed JSON, a duplicate name or an invalid value: the tree path words
			// it.
			return null;
		}
	}

	private WorkflowEvent read(JsonParser parser, byte[] value, Headers headers) {
		FieldNames envelopeNames = this.schemas.envelopeNames();
		CloudEventEnvelope.HeaderAttributes fromHeaders = CloudEventEnvelope.HeaderAttributes.read(headers,
				envelopeNames);
		boolean structuredByHeader = CloudEventEnvelope.isStructuredContentType(fromHeaders.contentType());
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			return null;
		}
		// Producers write specversion first: the data of a structured event is read in
		// the same pass; one whose data comes first takes the tree path.
		ShallowObject top = ShallowObject.read(parser,
				(scalars) -> structuredByHeader || CloudEventEnvelope.hasSpecversion(scalars.propertyNames()));
		if (top == null || parser.nextToken() != null) {
			return null;
		}
		if (structuredByHeader || CloudEventEnvelope.hasSpecversion(top.names())) {
			ShallowObject.Container data = top.container(DATA);
			if (data == null || data.members() == null || !usesSchemaNames(top, envelopeNames)
					|| !onlyDataIsAContainer(top, envelopeNames, data)) {
				return null;
			}
			return event(top.scalars(), data.members(), value);
		}
		return event(fromHeaders.attributes(), top, value);
	}

	private WorkflowEvent event(ObjectNode attributes, ShallowObject data, byte[] value) {
		attributes.set(DATA, NODES.objectNode());
		if (!this.schemas.envelopeSurelyHolds(attributes)) {
			return null;
		}
		EventSchemas.DataSchema dataSchema = this.schemas.forType(attributes.get("type").asString());
		if (dataSchema == null || !usesSchemaNames(data, dataSchema.fieldNames())) {
			return null;
		}
		OrderingKey orderingKey = OrderingKeys.of(attributes);
		ObjectNode fields = data.scalars();
		Map<String, String> jsonTexts = new HashMap<>(4);
		for (ShallowObject.Container container : data.containers()) {
			if (dataSchema.fieldNames().canonical(container.name()) == null) {
				continue;
			}
			if (JSON_FIELDS.contains(container.name())) {
				String text = CompactJson.of(value, container.start(), container.end());
				if (text == null || StorableJson.mayHoldProblem(text)) {
					return null;
				}
				fields.set(container.name(), container.isArray() ? NODES.arrayNode() : NODES.objectNode());
				jsonTexts.put(container.name(), text);
			}
			else {
				fields.set(container.name(),
						this.treeMapper.readTree(value, container.start(), container.end() - container.start()));
			}
		}
		if (!this.schemas.dataSurelyHolds(dataSchema, fields)) {
			return null;
		}
		return EventParser.event(attributes, dataSchema, orderingKey,
				new DataFields(fields, this.treeMapper, jsonTexts));
	}

	/**
	 * Whether each member the schema names is written with the schema's name: the tree
	 * path renames the others.
	 */
	private static boolean usesSchemaNames(ShallowObject object, FieldNames names) {
		for (String name : object.names()) {
			String canonical = names.canonical(name);
			if (canonical != null && !canonical.equals(name)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether no attribute but {@code data} is an object or an array, which only the tree
	 * path words.
	 */
	private static boolean onlyDataIsAContainer(ShallowObject top, FieldNames names, ShallowObject.Container data) {
		for (ShallowObject.Container container : top.containers()) {
			if (container != data && names.canonical(container.name()) != null) {
				return false;
			}
		}
		return true;
	}

}

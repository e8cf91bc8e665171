package io.workflowpersistence.events;

import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the value and headers of one Kafka record into a {@link WorkflowEvent}, a precise
 * rejection, or a tombstone, following the event contract: a CloudEvent in structured or
 * binary mode whose attributes and {@code data} are validated against the JSON Schemas in
 * {@code schemas/}. Never throws for bad input. Build one and share it: construction
 * compiles the schemas; {@link #parse} is thread-safe.
 */
public final class EventParser {

	private static final ParseOutcome TOMBSTONE = new ParseOutcome.Tombstone();

	private final ObjectMapper mapper;

	private final ObjectMapper locatingMapper = mapper().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private final EventSchemas schemas;

	/**
	 * A parser with the schemas loaded and compiled.
	 */
	public EventParser() {
		// Building the tree finds duplicate names for free; the streaming parser's
		// detection, which costs on every object, only reads again what failed, to say
		// where the problem is.
		this(mapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build(), new EventSchemas());
	}

	private EventParser(ObjectMapper mapper, EventSchemas schemas) {
		this.mapper = mapper;
		this.schemas = schemas;
	}

	/**
	 * A parser without the shortcuts for valid events: each value read with the streaming
	 * parser's duplicate detection, each event judged by the full schema validator. The
	 * reference the shortcuts must agree with.
	 */
	static EventParser withoutShortcuts() {
		return new EventParser(mapper().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build(),
				EventSchemas.fullValidationOnly());
	}

	/**
	 * A mapper to enable a duplicate detection on: duplicate names are rejected because
	 * which one wins would be a guess. Floats as BigDecimal keep jsonb numbers exact (a
	 * double would turn 1e400 into Infinity).
	 */
	private static JsonMapper.Builder mapper() {
		return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	/**
	 * What the record with this value and these headers carries.
	 * @param value the record value, {@code null} for a Kafka tombstone
	 * @param headers the record headers, may be {@code null}
	 */
	public ParseOutcome parse(byte[] value, Headers headers) {
		if (value == null) {
			return TOMBSTONE;
		}
		try {
			return new ParseOutcome.Accepted(read(value, headers));
		}
		catch (InvalidEventException ex) {
			return new ParseOutcome.Rejected(ex.getMessage());
		}
		catch (RuntimeException ex) {
			// A defect rather than bad input, but one record must not stop the stream.
			return new ParseOutcome.Rejected("could not be parsed: " + ex);
		}
	}

	private WorkflowEvent read(byte[] value, Headers headers) {
		ObjectNode attributes = CloudEventEnvelope.attributes(json(value), headers, this.schemas.envelopeNames());
		this.schemas.validateEnvelope(attributes);
		String type = attributes.get("type").asString();
		EventSchemas.DataSchema dataSchema = this.schemas.forType(type);
		if (dataSchema == null) {
			throw new InvalidEventException("unknown event type " + Rejections.quote(type));
		}
		OrderingKey orderingKey = OrderingKeys.of(attributes);
		ObjectNode data = dataSchema.fieldNames().normalize((ObjectNode) attributes.get("data"), "data");
		this.schemas.validateData(dataSchema, data);
		DataFields fields = new DataFields(data, this.mapper);
		EntityType entityType = dataSchema.entityType();
		Entity entity = (dataSchema.operation() == Operation.UPSERTED) ? EntityReader.read(entityType, fields) : null;
		String entityId = (entity != null) ? entity.entityId() : EntityReader.deletedId(entityType, fields);
		return new WorkflowEvent(attributes.get("id").asString(), attributes.get("source").asString(), entityType,
				dataSchema.operation(), entityId, orderingKey, entity);
	}

	private JsonNode json(byte[] value) {
		JsonNode json;
		try {
			json = this.mapper.readTree(value);
		}
		catch (JacksonException ex) {
			json = locatedJson(value);
		}
		if (json == null || json.isMissingNode()) {
			throw new InvalidEventException("not JSON: the value is empty");
		}
		return json;
	}

	private JsonNode locatedJson(byte[] value) {
		try {
			return this.locatingMapper.readTree(value);
		}
		catch (JacksonException ex) {
			throw Rejections.notJson(ex);
		}
	}

}

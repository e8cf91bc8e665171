package io.workflowpersistence.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.workflowpersistence.events.Entity;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.WorkflowEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event in the shape Kafka Connect's {@code JsonConverter} reads with schemas: the key
 * a struct of the row's {@code id}, the value a struct of the row's columns in lower case
 * (as PostgreSQL folds the unquoted names of the migrations) with the event's ordering
 * key, or no value for a delete. Strings for text, JSON and uuid columns, Connect's
 * {@code Timestamp} for timestamps; a definition's tags have no column and are left out.
 */
final class PeerRecords {

	static final Map<EntityType, String> TABLES = Map.of(EntityType.WORKFLOW_DEFINITION, "workflowdefinitions",
			EntityType.WORKFLOW_INSTANCE, "workflowinstances", EntityType.WORKFLOW_ACTIVITY, "activityexecutionrecords",
			EntityType.WORKFLOW_BOOKMARK, "bookmarks", EntityType.WORKFLOW_TRIGGER, "triggers",
			EntityType.WORKFLOW_CATEGORY, "workflowcategories", EntityType.ACTIVITY_DEFINITION,
			"customactivitydefinitions");

	private static final String TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final Map<Class<?>, String> valueSchemas = new ConcurrentHashMap<>();

	private final String keySchema;

	PeerRecords() {
		ObjectNode schema = struct("key");
		field(schema, "id", "string", false);
		this.keySchema = this.mapper.writeValueAsString(schema);
	}

	/**
	 * The topic of an event: its table's name.
	 */
	static String topic(WorkflowEvent event) {
		return TABLES.get(event.entityType());
	}

	byte[] key(WorkflowEvent event) {
		ObjectNode payload = this.mapper.createObjectNode().put("id", event.entityId());
		return envelope(this.keySchema, payload);
	}

	/**
	 * The value of an upsert; {@code null} (a Kafka tombstone) for a delete.
	 */
	byte[] value(WorkflowEvent event) {
		if (event.isDelete()) {
			return null;
		}
		Entity entity = event.entity();
		String schema = this.valueSchemas.computeIfAbsent(entity.getClass(), this::valueSchema);
		ObjectNode payload = this.mapper.createObjectNode();
		for (RecordComponent component : columns(entity.getClass())) {
			Object value = read(component, entity);
			String name = component.getName().toLowerCase(Locale.ROOT);
			if (value == null) {
				payload.putNull(name);
			}
			else if (value instanceof Instant instant) {
				payload.put(name, instant.toEpochMilli());
			}
			else if (value instanceof Integer number) {
				payload.put(name, number);
			}
			else if (value instanceof Boolean flag) {
				payload.put(name, flag);
			}
			else {
				payload.put(name, value.toString());
			}
		}
		Long version = event.orderingKey().version();
		Instant time = event.orderingKey().time();
		payload.put("eventversion", version);
		if (time != null) {
			payload.put("eventtime", time.toEpochMilli());
		}
		else {
			payload.putNull("eventtime");
		}
		return envelope(schema, payload);
	}

	private String valueSchema(Class<?> type) {
		ObjectNode schema = struct(type.getSimpleName().toLowerCase(Locale.ROOT));
		for (RecordComponent component : columns(type)) {
			String name = component.getName().toLowerCase(Locale.ROOT);
			Class<?> javaType = component.getType();
			if (javaType == Instant.class) {
				field(schema, name, "int64", true).put("name", TIMESTAMP).put("version", 1);
			}
			else if (javaType == Integer.class || javaType == int.class) {
				field(schema, name, "int32", javaType == Integer.class);
			}
			else if (javaType == Boolean.class) {
				field(schema, name, "boolean", true);
			}
			else {
				field(schema, name, "string", !name.equals("id"));
			}
		}
		field(schema, "eventversion", "int64", true);
		field(schema, "eventtime", "int64", true).put("name", TIMESTAMP).put("version", 1);
		return this.mapper.writeValueAsString(schema);
	}

	private static List<RecordComponent> columns(Class<?> type) {
		return List.of(type.getRecordComponents())
			.stream()
			.filter((component) -> component.getType() != List.class)
			.toList();
	}

	private static Object read(RecordComponent component, Entity entity) {
		try {
			Object value = component.getAccessor().invoke(entity);
			return (value instanceof UUID uuid) ? uuid.toString() : value;
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component, ex);
		}
	}

	private ObjectNode struct(String name) {
		ObjectNode schema = this.mapper.createObjectNode().put("type", "struct").put("optional", false);
		schema.put("name", name);
		schema.putArray("fields");
		return schema;
	}

	private static ObjectNode field(ObjectNode struct, String name, String type, boolean optional) {
		ArrayNode fields = (ArrayNode) struct.get("fields");
		return fields.addObject().put("field", name).put("type", type).put("optional", optional);
	}

	private byte[] envelope(String schema, JsonNode payload) {
		String json = "{\"schema\":" + schema + ",\"payload\":" + this.mapper.writeValueAsString(payload) + "}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

}

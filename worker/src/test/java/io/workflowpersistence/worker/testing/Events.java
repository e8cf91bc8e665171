package io.workflowpersistence.worker.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds test events as Kafka records, in structured or binary CloudEvents mode, e.g.
 * {@code Events.instance("wi-1").with("status", "Running").version(3).record()}. Each
 * starts with the required fields of its type filled in; keys and topics follow the
 * contract unless overridden.
 */
public final class Events {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String type;

	private final String topic;

	private final String key;

	private final ObjectNode data = JSON.createObjectNode();

	private String eventId = UUID.randomUUID().toString();

	private Long version;

	private String time;

	private boolean binary;

	private Events(String type, String topic, String key) {
		this.type = type;
		this.topic = topic;
		this.key = key;
	}

	public static Events instance(String id) {
		return new Events("workflow.instance.upserted", "workflow.instances", id).with("id", id)
			.with("definitionId", "def-1")
			.with("status", "Running");
	}

	public static Events activity(String id, String instanceId) {
		return new Events("workflow.activity.upserted", "workflow.activities", instanceId).with("id", id)
			.with("workflowInstanceId", instanceId)
			.with("activityId", "Activity1")
			.with("status", "Running");
	}

	public static Events bookmark(String id, String instanceId) {
		return new Events("workflow.bookmark.upserted", "workflow.bookmarks", instanceId).with("id", id)
			.with("workflowInstanceId", instanceId)
			.with("hash", "HASH-" + id);
	}

	public static Events definition(String id, String definitionId, int version) {
		return new Events("workflow.definition.upserted", "workflow.definitions", definitionId).with("id", id)
			.with("definitionId", definitionId)
			.with("version", version);
	}

	public static Events trigger(String id, String definitionId) {
		return new Events("workflow.trigger.upserted", "workflow.triggers", definitionId).with("id", id)
			.with("workflowDefinitionId", definitionId);
	}

	public static Events category(UUID id) {
		return new Events("workflow.category.upserted", "workflow.catalog", id.toString()).with("id", id.toString())
			.with("name", "Category " + id);
	}

	public static Events activityDefinition(UUID id) {
		return new Events("activity.definition.upserted", "workflow.catalog", id.toString()).with("id", id.toString())
			.with("name", "Activity " + id);
	}

	/**
	 * A delete of the entity of the given family ({@code workflow.instance}, …).
	 */
	public static Events deleted(String family, String id, String topic, String key) {
		return new Events(family + ".deleted", topic, key).with("id", id);
	}

	public static Events instanceDeleted(String id) {
		return deleted("workflow.instance", id, "workflow.instances", id);
	}

	public Events with(String field, Object value) {
		this.data.set(field, JSON.valueToTree(value));
		return this;
	}

	public Events without(String field) {
		this.data.remove(field);
		return this;
	}

	public Events version(long version) {
		this.version = version;
		return this;
	}

	public Events time(String time) {
		this.time = time;
		return this;
	}

	public Events time(Instant time) {
		return time(time.toString());
	}

	public Events eventId(String eventId) {
		this.eventId = eventId;
		return this;
	}

	public Events binary() {
		this.binary = true;
		return this;
	}

	public ProducerRecord<byte[], byte[]> record() {
		return record(this.topic);
	}

	public ProducerRecord<byte[], byte[]> record(String topic) {
		List<Header> headers = new ArrayList<>();
		byte[] value;
		if (this.binary) {
			header(headers, "ce_specversion", "1.0");
			header(headers, "ce_id", this.eventId);
			header(headers, "ce_source", "/tests");
			header(headers, "ce_type", this.type);
			header(headers, "ce_time", this.time);
			header(headers, "ce_entityversion", (this.version != null) ? this.version.toString() : null);
			header(headers, "content-type", "application/json");
			value = JSON.writeValueAsBytes(this.data);
		}
		else {
			header(headers, "content-type", "application/cloudevents+json");
			value = JSON.writeValueAsBytes(envelope());
		}
		return new ProducerRecord<>(topic, null, this.key.getBytes(StandardCharsets.UTF_8), value, headers);
	}

	private ObjectNode envelope() {
		ObjectNode envelope = JSON.createObjectNode();
		envelope.put("specversion", "1.0");
		envelope.put("id", this.eventId);
		envelope.put("source", "/tests");
		envelope.put("type", this.type);
		if (this.time != null) {
			envelope.put("time", this.time);
		}
		if (this.version != null) {
			envelope.put("entityversion", this.version);
		}
		envelope.set("data", this.data);
		return envelope;
	}

	private static void header(List<Header> headers, String name, String value) {
		if (value != null) {
			headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
		}
	}

	/**
	 * A record with the given raw value bytes, for values that are not events at all.
	 */
	public static ProducerRecord<byte[], byte[]> raw(String topic, String key, byte[] value) {
		return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
	}

}

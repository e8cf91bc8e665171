package io.workflowpersistence.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds structured-mode events for the tests, valid unless told otherwise:
 * {@code Events.instance().field("name", "x".repeat(300)).bytes()}.
 */
final class Events {

	static final String CATEGORY_ID = "6f1c2b9e-4d7a-4c1e-9a55-0b3c8d2e7f10";

	static final String ACTIVITY_DEFINITION_ID = "0b6c4f3e-2a1d-4e5f-8a9b-1c2d3e4f5a6b";

	// Floats as BigDecimal, so that the tests can send numbers a double cannot hold.
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final ObjectNode event = MAPPER.createObjectNode();

	private Events(String type, String data) {
		this.event.put("specversion", "1.0")
			.put("id", "evt-1")
			.put("source", "/elsa/test")
			.put("type", type)
			.put("time", "2026-11-24T10:15:30Z")
			.put("entityversion", 7);
		this.event.set("data", MAPPER.readTree(data));
	}

	static Events event(String type, String data) {
		return new Events(type, data);
	}

	static Events instance() {
		return event("workflow.instance.upserted", """
				{"id": "wi-1", "definitionId": "def-1", "status": "Running"}""");
	}

	static Events definition() {
		return event("workflow.definition.upserted", """
				{"id": "def-1:v1", "definitionId": "def-1", "version": 1}""");
	}

	static Events activity() {
		return event("workflow.activity.upserted", """
				{"id": "aer-1", "workflowInstanceId": "wi-1", "activityId": "Act1", "status": "Running"}""");
	}

	static Events bookmark() {
		return event("workflow.bookmark.upserted", """
				{"id": "bm-1", "workflowInstanceId": "wi-1", "hash": "H1"}""");
	}

	static Events trigger() {
		return event("workflow.trigger.upserted", """
				{"id": "trg-1", "workflowDefinitionId": "def-1"}""");
	}

	static Events category() {
		return event("workflow.category.upserted", """
				{"id": "%s", "name": "Finance"}""".formatted(CATEGORY_ID));
	}

	static Events activityDefinition() {
		return event("activity.definition.upserted", """
				{"id": "%s", "name": "ScoreRisk"}""".formatted(ACTIVITY_DEFINITION_ID));
	}

	static Events deleted(EntityType entityType, String id) {
		return event(entityType.cloudEventType(Operation.DELETED), MAPPER.createObjectNode().put("id", id).toString());
	}

	/**
	 * Sets an envelope attribute to a string, a number or {@code null}.
	 */
	Events attribute(String name, Object value) {
		this.event.set(name, MAPPER.valueToTree(value));
		return this;
	}

	Events withoutAttribute(String name) {
		this.event.remove(name);
		return this;
	}

	/**
	 * Sets a field of {@code data} to a string, number, boolean, list or {@code null}.
	 */
	Events field(String name, Object value) {
		data().set(name, MAPPER.valueToTree(value));
		return this;
	}

	/**
	 * Sets a field of {@code data} to the JSON value {@code json}.
	 */
	Events jsonField(String name, String json) {
		data().set(name, MAPPER.readTree(json));
		return this;
	}

	Events withoutField(String name) {
		data().remove(name);
		return this;
	}

	String json() {
		return this.event.toString();
	}

	byte[] bytes() {
		return TestRecords.utf8(json());
	}

	TestRecords.BinaryRecord binary() {
		return TestRecords.binary(json());
	}

	private ObjectNode data() {
		JsonNode data = this.event.get("data");
		return (ObjectNode) data;
	}

}

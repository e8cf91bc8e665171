package io.workflowpersistence.simulator;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the simulator writes: objects whose fields keep the order they were put in, so
 * that the same events always serialize to the same bytes.
 */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	static JsonNode parse(String json) {
		return MAPPER.readTree(json);
	}

	static String time(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

}

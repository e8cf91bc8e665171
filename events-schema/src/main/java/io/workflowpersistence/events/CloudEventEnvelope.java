package io.workflowpersistence.events;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CloudEvents attributes of a Kafka record, in either content mode of the Kafka
 * protocol binding, as one JSON object under the envelope schema's names (with the
 * {@code data} attribute): structured mode when the {@code content-type} header says
 * {@code application/cloudevents+json} or the value is a JSON object with
 * {@code specversion}; binary mode otherwise, attributes from the {@code ce_} headers and
 * the value as {@code data}.
 */
final class CloudEventEnvelope {

	private static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

	private static final String CONTENT_TYPE_HEADER = "content-type";

	private static final String ATTRIBUTE_HEADER_PREFIX = "ce_";

	private static final String SPECVERSION = "specversion";

	private CloudEventEnvelope() {
	}

	/**
	 * The attributes of the event that {@code value} and {@code headers} carry; not yet
	 * validated.
	 */
	static ObjectNode attributes(JsonNode value, Headers headers, FieldNames names) {
		HeaderAttributes fromHeaders = HeaderAttributes.read(headers, names);
		if (isStructured(fromHeaders.contentType(), value)) {
			if (!value.isObject()) {
				throw Rejections.notACloudEvent(
						"a structured-mode event must be a JSON object but was " + Rejections.typeOf(value));
			}
			return names.normalize((ObjectNode) value, "not a CloudEvent");
		}
		return fromHeaders.attributes().set("data", value);
	}

	private static boolean isStructured(String contentType, JsonNode value) {
		if (contentType != null
				&& contentType.regionMatches(true, 0, STRUCTURED_CONTENT_TYPE, 0, STRUCTURED_CONTENT_TYPE.length())) {
			return true;
		}
		if (!value.isObject()) {
			return false;
		}
		if (value.has(SPECVERSION)) {
			return true;
		}
		for (String name : value.propertyNames()) {
			if (SPECVERSION.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The {@code content-type} header and the attributes of the {@code ce_} headers,
	 * header names matched ignoring case.
	 */
	private record HeaderAttributes(String contentType, ObjectNode attributes) {

		static HeaderAttributes read(Headers headers, FieldNames names) {
			String contentType = null;
			ObjectNode attributes = JsonNodeFactory.instance.objectNode();
			Iterable<Header> all = (headers != null) ? headers : List.of();
			for (Header header : all) {
				String key = header.key();
				if (CONTENT_TYPE_HEADER.equalsIgnoreCase(key)) {
					contentType = text(header);
				}
				else if (key.regionMatches(true, 0, ATTRIBUTE_HEADER_PREFIX, 0, ATTRIBUTE_HEADER_PREFIX.length())) {
					String name = names.canonical(key.substring(ATTRIBUTE_HEADER_PREFIX.length()));
					String attribute = text(header);
					if (name != null && attribute != null) {
						attributes.put(name, attribute);
					}
				}
			}
			return new HeaderAttributes(contentType, attributes);
		}

		private static String text(Header header) {
			byte[] value = header.value();
			return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
		}

	}

}

package io.workflowpersistence.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka record values and headers for the parser tests: the examples of the contract, and
 * the binary-mode form of a structured-mode event.
 */
final class TestRecords {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private TestRecords() {
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String example(String name) {
		try (InputStream in = TestRecords.class.getResourceAsStream("/examples/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No example " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Headers from {@code key: value} lines, as the contract's examples write them.
	 */
	static Headers headersFromLines(String lines) {
		RecordHeaders headers = new RecordHeaders();
		lines.lines().filter((line) -> !line.isBlank()).forEach((line) -> {
			int colon = line.indexOf(':');
			headers.add(line.substring(0, colon).trim(), utf8(line.substring(colon + 1).trim()));
		});
		return headers;
	}

	static Headers headers(String... keysAndValues) {
		RecordHeaders headers = new RecordHeaders();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			headers.add(keysAndValues[i], utf8(keysAndValues[i + 1]));
		}
		return headers;
	}

	static Headers noHeaders() {
		return new RecordHeaders();
	}

	/**
	 * The binary-mode record of a structured-mode event: each attribute but {@code data}
	 * in a {@code ce_} header, {@code data} as the value.
	 */
	static BinaryRecord binary(String structuredEvent) {
		JsonNode event = MAPPER.readTree(structuredEvent);
		RecordHeaders headers = new RecordHeaders();
		for (Map.Entry<String, JsonNode> attribute : event.properties()) {
			if (!attribute.getKey().equals("data") && !attribute.getValue().isNull()) {
				headers.add("ce_" + attribute.getKey(), utf8(attribute.getValue().asString()));
			}
		}
		headers.add("content-type", utf8("application/json"));
		return new BinaryRecord(MAPPER.writeValueAsBytes(event.get("data")), headers);
	}

	record BinaryRecord(byte[] value, Headers headers) {
	}

}

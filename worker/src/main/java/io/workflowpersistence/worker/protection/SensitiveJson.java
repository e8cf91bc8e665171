package io.workflowpersistence.worker.protection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.worker.protection.FieldCipher.UndecryptableException;
import io.workflowpersistence.worker.protection.JsonPath.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encrypts the values at the sensitive paths of a JSON document, each replaced by
 * {@code {"$enc":"<token>"}}, and turns such objects back into their values or into the
 * mask. The location of a value is the associated data of its encryption.
 */
final class SensitiveJson {

	static final String ENCRYPTED = "$enc";

	private static final Logger logger = LoggerFactory.getLogger(SensitiveJson.class);

	// As the event parser reads: floats as BigDecimal keep jsonb numbers exact.
	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final String ENCRYPTED_MARKER = "\"" + ENCRYPTED + "\"";

	private final List<JsonPath> paths;

	private final List<String> lastNames;

	private final FieldCipher cipher;

	private final String mask;

	SensitiveJson(List<JsonPath> paths, FieldCipher cipher, String mask) {
		this.paths = List.copyOf(paths);
		boolean anyWildcardEnd = paths.stream().anyMatch((path) -> path.lastName() == null);
		this.lastNames = anyWildcardEnd ? null
				: paths.stream().map(JsonPath::lastName).map(SensitiveJson::fold).distinct().toList();
		this.cipher = cipher;
		this.mask = mask;
	}

	boolean hasPaths() {
		return !this.paths.isEmpty();
	}

	/**
	 * The document with the values at the sensitive paths encrypted; the same text when
	 * none is there.
	 */
	String encrypt(String json) {
		if (json == null || this.paths.isEmpty() || !mayMatch(json)) {
			return json;
		}
		JsonNode root = MAPPER.readTree(json);
		boolean changed = false;
		for (JsonPath path : this.paths) {
			for (Place place : path.find(root)) {
				JsonNode value = place.value();
				if (value != null && !value.isNull() && !isEncrypted(value)) {
					place.replace(encrypted(MAPPER.writeValueAsBytes(value), place.location()));
					changed = true;
				}
			}
		}
		return changed ? MAPPER.writeValueAsString(root) : json;
	}

	/**
	 * The document with every encrypted value decrypted, or masked.
	 * @param json the stored document
	 * @param decrypt whether the caller may see the values
	 * @return the document to show
	 */
	String reveal(String json, boolean decrypt) {
		if (json == null || !json.contains(ENCRYPTED_MARKER)) {
			return json;
		}
		JsonNode root = MAPPER.readTree(json);
		if (isEncrypted(root)) {
			return MAPPER.writeValueAsString(revealed(root, "$", decrypt));
		}
		reveal(root, "$", decrypt);
		return MAPPER.writeValueAsString(root);
	}

	private void reveal(JsonNode node, String location, boolean decrypt) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> property : List.copyOf(object.properties())) {
				String childLocation = location + JsonPath.nameStep(property.getKey());
				if (isEncrypted(property.getValue())) {
					object.set(property.getKey(), revealed(property.getValue(), childLocation, decrypt));
				}
				else {
					reveal(property.getValue(), childLocation, decrypt);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				String childLocation = location + "[" + i + "]";
				if (isEncrypted(array.get(i))) {
					array.set(i, revealed(array.get(i), childLocation, decrypt));
				}
				else {
					reveal(array.get(i), childLocation, decrypt);
				}
			}
		}
	}

	private JsonNode revealed(JsonNode encrypted, String location, boolean decrypt) {
		if (!decrypt) {
			return JsonNodeFactory.instance.stringNode(this.mask);
		}
		String token = encrypted.get(ENCRYPTED).asString();
		try {
			return MAPPER.readTree(this.cipher.decrypt(token, associatedData(location)));
		}
		catch (UndecryptableException ex) {
			logger.warn("Cannot decrypt the value at {}: {}; showing it masked", location, ex.getMessage());
			return JsonNodeFactory.instance.stringNode(this.mask);
		}
	}

	private ObjectNode encrypted(byte[] plaintext, String location) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put(ENCRYPTED, this.cipher.encrypt(plaintext, associatedData(location)));
		return node;
	}

	private boolean mayMatch(String json) {
		if (this.lastNames == null) {
			return true;
		}
		String folded = fold(json);
		return this.lastNames.stream().anyMatch(folded::contains);
	}

	// Folds each character as String.equalsIgnoreCase compares it, so that text holding
	// a name in any case that a path matches holds the folded name.
	static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(codePoint)));
			i += Character.charCount(codePoint);
		}
		return folded.toString();
	}

	static boolean isEncrypted(JsonNode node) {
		return node instanceof ObjectNode object && object.size() == 1 && object.path(ENCRYPTED).isString();
	}

	private static byte[] associatedData(String location) {
		return location.getBytes(StandardCharsets.UTF_8);
	}

}

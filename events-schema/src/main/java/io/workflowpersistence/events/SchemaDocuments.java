package io.workflowpersistence.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema files in {@code schemas/} on the class path, read as JSON, and the
 * subschemas their {@code $ref}s point to. Not thread-safe; used while the checks are
 * compiled.
 */
final class SchemaDocuments {

	private static final String DIRECTORY = "/schemas/";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<String, JsonNode> byFile = new HashMap<>();

	/**
	 * The subschema {@code reference} names, relative to schema file {@code file}:
	 * {@code common.schema.json#/$defs/uuid}, {@code #/$defs/key}, or an absolute
	 * {@code $id} of a schema file.
	 */
	Subschema resolve(String reference, String file) {
		String relative = reference.startsWith(EventSchemas.BASE_ID)
				? reference.substring(EventSchemas.BASE_ID.length()) : reference;
		int hash = relative.indexOf('#');
		String target = (hash == 0) ? file : (hash < 0) ? relative : relative.substring(0, hash);
		String pointer = (hash < 0) ? "" : relative.substring(hash + 1);
		JsonNode schema = document(target).at(JsonPointer.compile(pointer));
		if (schema.isMissingNode()) {
			throw new IllegalArgumentException("No subschema " + reference + " from " + file);
		}
		return new Subschema(target + "#" + pointer, target, schema);
	}

	private JsonNode document(String file) {
		return this.byFile.computeIfAbsent(file, this::read);
	}

	private JsonNode read(String file) {
		try (InputStream in = SchemaDocuments.class.getResourceAsStream(DIRECTORY + file)) {
			if (in == null) {
				throw new IllegalArgumentException("No schema file " + file);
			}
			return this.mapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A schema and the file it is in, which its own references are relative to.
	 *
	 * @param location the file and JSON pointer, which identify the subschema
	 */
	record Subschema(String location, String file, JsonNode schema) {
	}

}

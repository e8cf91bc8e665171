package io.workflowpersistence.events;

import java.util.Map;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

/**
 * Says in words what a schema error means, keyword by keyword: for an envelope attribute
 * ({@code id must not be empty}) and for a field of {@code data}, whose limits are the
 * columns' ({@code value of 300 characters exceeds the column's maximum of 255}).
 */
final class SchemaErrorPhrases {

	private SchemaErrorPhrases() {
	}

	/**
	 * What is wrong with envelope attribute {@code name}, as a phrase that starts with
	 * the name.
	 */
	static String forAttribute(String name, Error error, Map<String, String> patternTitles) {
		JsonNode value = error.getInstanceNode();
		JsonNode limit = error.getSchemaNode();
		return switch (error.getKeyword()) {
			case "required" -> "missing required attribute '" + name + "'";
			case "type" ->
				name + " must be of type " + Rejections.expectedTypes(limit) + " but was " + Rejections.typeOf(value);
			case "const" -> name + " must be " + limit + " but was " + value;
			case "minLength" -> (limit.asInt() == 1) ? name + " must not be empty"
					: name + " must have at least " + limit + " characters";
			case "maxLength" ->
				name + " has " + Rejections.characters(value) + " characters, more than the maximum of " + limit;
			case "minimum" -> name + " must be at least " + limit + " but was " + value;
			case "maximum" -> name + " must be at most " + limit + " but was " + value;
			case "pattern" -> name + " is " + notMatching(error, patternTitles);
			default -> name + ": " + error.getMessage();
		};
	}

	/**
	 * What is wrong with a field of {@code data}, as a phrase to follow its path.
	 */
	static String forField(Error error, Map<String, String> patternTitles) {
		JsonNode value = error.getInstanceNode();
		JsonNode limit = error.getSchemaNode();
		return switch (error.getKeyword()) {
			case "required" -> "required field is missing";
			case "type" -> "expected " + Rejections.expectedTypes(limit) + " but was " + Rejections.typeOf(value);
			case "const" -> "must be " + limit + " but was " + value;
			case "minLength" ->
				(limit.asInt() == 1) ? "must not be empty" : "must have at least " + limit + " characters";
			case "maxLength" ->
				"value of " + Rejections.characters(value) + " characters exceeds the column's maximum of " + limit;
			case "minimum" -> "value " + value + " is below the column's minimum of " + limit;
			case "maximum" -> "value " + value + " exceeds the column's maximum of " + limit;
			case "pattern" -> notMatching(error, patternTitles);
			default -> error.getMessage();
		};
	}

	/**
	 * {@code not a uuid: 'abc'}: the title of the schema definition that holds the
	 * pattern says what a matching value is.
	 */
	private static String notMatching(Error error, Map<String, String> patternTitles) {
		String pattern = error.getSchemaNode().asString();
		String title = patternTitles.get(pattern);
		String what = (title != null) ? "not " + title : "not matching the pattern " + pattern;
		return what + ": " + Rejections.quote(error.getInstanceNode().asString());
	}

}

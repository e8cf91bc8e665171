package io.workflowpersistence.events;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON object read from a streaming parser without building the trees of its members:
 * its scalar members as nodes, equal to those the tree reader makes, and where each
 * member that is an object or an array sits in the record's bytes. Only a member named
 * {@code data} may be read the same way, one level down, so that a structured event's
 * attributes and data come from one pass.
 *
 * @param scalars the scalar members
 * @param containers the members that are objects or arrays, in their order
 */
record ShallowObject(ObjectNode scalars, List<Container> containers) {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String DATA = "data";

	/**
	 * Reads the object whose start the parser is at, up to its end; {@code null} for a
	 * scalar the tree reader may read otherwise (a fraction, a big integer).
	 * @param descend whether to read the {@code data} member too, when it is an object
	 * (it may be decided from the names met before it)
	 */
	static ShallowObject read(JsonParser parser, DescendIntoData descend) {
		ObjectNode scalars = NODES.objectNode();
		List<Container> containers = new ArrayList<>(2);
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken token = parser.nextToken();
			if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
				int start = (int) parser.currentTokenLocation().getByteOffset();
				ShallowObject members = null;
				if (token == JsonToken.START_OBJECT && DATA.equals(name) && descend.now(scalars)) {
					members = read(parser, DescendIntoData.NEVER);
					if (members == null) {
						return null;
					}
				}
				else {
					parser.skipChildren();
				}
				int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
				containers.add(new Container(name, start, end, token == JsonToken.START_ARRAY, members));
			}
			else {
				JsonNode scalar = scalar(parser, token);
				if (scalar == null) {
					return null;
				}
				scalars.set(name, scalar);
			}
		}
		return new ShallowObject(scalars, containers);
	}

	private static JsonNode scalar(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> NODES.stringNode(parser.getString());
			case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
				case INT -> NODES.numberNode(parser.getIntValue());
				case LONG -> NODES.numberNode(parser.getLongValue());
				default -> null;
			};
			case VALUE_TRUE -> NODES.booleanNode(true);
			case VALUE_FALSE -> NODES.booleanNode(false);
			case VALUE_NULL -> NODES.nullNode();
			default -> null;
		};
	}

	/**
	 * The names of all members.
	 */
	List<String> names() {
		List<String> names = new ArrayList<>(this.scalars.propertyNames());
		this.containers.forEach((container) -> names.add(container.name()));
		return names;
	}

	/**
	 * The member that is an object or array called {@code name}, or {@code null}.
	 */
	Container container(String name) {
		for (Container container : this.containers) {
			if (container.name().equals(name)) {
				return container;
			}
		}
		return null;
	}

	/**
	 * Whether to read the {@code data} member's members, decided when it is met.
	 */
	@FunctionalInterface
	interface DescendIntoData {

		DescendIntoData NEVER = (scalarsSoFar) -> false;

		boolean now(ObjectNode scalarsSoFar);

	}

	/**
	 * A member that is an object or an array: where its value sits in the record's bytes,
	 * and its own members when they were read.
	 */
	record Container(String name, int start, int end, boolean isArray, ShallowObject members) {
	}

}

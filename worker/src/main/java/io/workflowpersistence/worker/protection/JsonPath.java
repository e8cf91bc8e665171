package io.workflowpersistence.worker.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON path of the simple kind that names a place in a document: {@code $}, then
 * {@code .name}, {@code ['name']}, {@code .*}, {@code [index]} or {@code [*]} steps.
 * Names match in any case, so that an engine writing {@code CreditCard} cannot store in
 * the clear what {@code $.creditCard} protects.
 *
 * @param text the path as configured
 * @param steps its steps
 */
record JsonPath(String text, List<Step> steps) {

	private static final Pattern STEP = Pattern
		.compile("\\.([A-Za-z_$][A-Za-z0-9_$-]*|\\*)|\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+|\\*)\\]");

	private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

	static JsonPath parse(String text) {
		String path = text.strip();
		if (!path.startsWith("$")) {
			throw invalid(text);
		}
		List<Step> steps = new ArrayList<>();
		Matcher matcher = STEP.matcher(path);
		int position = 1;
		while (position < path.length()) {
			if (!matcher.find(position) || matcher.start() != position) {
				throw invalid(text);
			}
			steps.add(step(matcher));
			position = matcher.end();
		}
		if (steps.isEmpty()) {
			throw invalid(text);
		}
		return new JsonPath(text, List.copyOf(steps));
	}

	/**
	 * The last name the path asks for, or {@code null} when it ends in a wildcard or an
	 * index: text that does not hold it in any case holds no match.
	 */
	String lastName() {
		return this.steps.get(this.steps.size() - 1).name();
	}

	/**
	 * Finds every place of a document the path matches.
	 * @param root the document
	 * @return the places, each with its parent and its location
	 */
	List<Place> find(JsonNode root) {
		List<Place> places = new ArrayList<>();
		find(root, "$", 0, places);
		return places;
	}

	private void find(JsonNode node, String location, int depth, List<Place> places) {
		Step step = this.steps.get(depth);
		boolean last = depth == this.steps.size() - 1;
		if (node instanceof ObjectNode object && step.index() == null) {
			for (String name : List.copyOf(object.propertyNames())) {
				if (step.matchesName(name)) {
					String childLocation = location + nameStep(name);
					visit(new Place(object, name, -1, childLocation), object.get(name), last, depth, places);
				}
			}
		}
		else if (node instanceof ArrayNode array && step.name() == null && step.index() != null) {
			for (int i = 0; i < array.size(); i++) {
				if (step.matchesIndex(i)) {
					visit(new Place(array, null, i, location + "[" + i + "]"), array.get(i), last, depth, places);
				}
			}
		}
	}

	private void visit(Place place, JsonNode child, boolean last, int depth, List<Place> places) {
		if (last) {
			places.add(place);
		}
		else {
			find(child, place.location(), depth + 1, places);
		}
	}

	/**
	 * The location step of a property, as {@link SensitiveJson} writes locations.
	 */
	static String nameStep(String name) {
		if (SIMPLE_NAME.matcher(name).matches()) {
			return "." + name;
		}
		return "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
	}

	private static Step step(Matcher matcher) {
		if (matcher.group(1) != null) {
			return matcher.group(1).equals("*") ? new Step(null, null, true) : new Step(matcher.group(1), null, false);
		}
		if (matcher.group(2) != null) {
			return new Step(matcher.group(2).replaceAll("\\\\(.)", "$1"), null, false);
		}
		return matcher.group(3).equals("*") ? new Step(null, -1, true)
				: new Step(null, Integer.parseInt(matcher.group(3)), false);
	}

	private static IllegalStateException invalid(String text) {
		return new IllegalStateException("Not a supported JSON path in worker.protection.sensitive-paths: '" + text
				+ "'; write e.g. $.variables.creditCard, $.items[*].iban or $['odd name']");
	}

	/**
	 * One step: a name, an index ({@code -1} with {@code any} for every element), or any
	 * property ({@code name} and {@code index} both {@code null}).
	 */
	record Step(String name, Integer index, boolean any) {

		boolean matchesName(String candidate) {
			return this.any || candidate.equalsIgnoreCase(this.name);
		}

		boolean matchesIndex(int candidate) {
			return this.any || candidate == this.index;
		}

	}

	/**
	 * A place in a document: a property of an object or an element of an array.
	 *
	 * @param parent the object or array
	 * @param name the property name, or {@code null} for an element
	 * @param index the element index, or {@code -1} for a property
	 * @param location where it is, e.g. {@code $.variables.creditCard}
	 */
	record Place(JsonNode parent, String name, int index, String location) {

		JsonNode value() {
			return (this.name != null) ? this.parent.get(this.name) : this.parent.get(this.index);
		}

		void replace(JsonNode value) {
			if (this.name != null) {
				((ObjectNode) this.parent).set(this.name, value);
			}
			else {
				((ArrayNode) this.parent).set(this.index, value);
			}
		}

	}

}

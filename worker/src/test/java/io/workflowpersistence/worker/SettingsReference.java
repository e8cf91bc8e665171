package io.workflowpersistence.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's settings reference, {@code docs/settings.md}, written from the
 * configuration metadata Spring Boot's configuration processor makes of the
 * {@code @ConfigurationProperties} records: each setting with its environment variable,
 * its default and its description, which is the record's Javadoc {@code @param}. Only the
 * part between the two markers is generated; the rest of the file is kept by hand.
 */
final class SettingsReference {

	static final Path METADATA = Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");

	static final Path DOCUMENT = Path.of("..", "docs", "settings.md");

	static final String BEGIN = "<!-- Generated from the configuration metadata: do not edit by hand. -->";

	static final String END = "<!-- End of the generated part. -->";

	private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|literal|value) ([^}]*)}");

	private static final List<String> SCALARS = List.of("java.lang.", "java.time.", "java.nio.file.",
			"org.springframework.util.unit.", "org.springframework.core.io.");

	private final List<JsonNode> properties;

	private SettingsReference(List<JsonNode> properties) {
		this.properties = properties;
	}

	static SettingsReference read(Path metadata) throws IOException {
		JsonNode root = JsonMapper.shared().readTree(Files.readString(metadata));
		List<JsonNode> properties = new ArrayList<>();
		root.get("properties").forEach(properties::add);
		return new SettingsReference(properties);
	}

	List<JsonNode> properties() {
		return this.properties;
	}

	/**
	 * The generated part, markers included: one table per group of settings.
	 */
	String generated() {
		Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
		this.properties.stream()
			.sorted(Comparator.comparing(SettingsReference::group)
				.thenComparing((property) -> property.get("name").asString()))
			.forEach((property) -> groups.computeIfAbsent(group(property), (name) -> new ArrayList<>()).add(property));
		StringBuilder text = new StringBuilder(BEGIN).append("\n");
		groups.forEach((group, settings) -> {
			text.append("\n### `").append(group).append(".*`\n\n");
			text.append("| environment variable | setting | default | description |\n|---|---|---|---|\n");
			settings.forEach((property) -> text.append(row(property)));
		});
		return text.append("\n").append(END).toString();
	}

	/**
	 * The document with its generated part replaced.
	 */
	String document(String current) {
		int begin = current.indexOf(BEGIN);
		int end = current.indexOf(END);
		if (begin < 0 || end < begin) {
			throw new IllegalStateException(DOCUMENT + " lacks the markers of its generated part");
		}
		return current.substring(0, begin) + generated() + current.substring(end + END.length());
	}

	private static String group(JsonNode property) {
		String name = property.get("name").asString();
		return name.substring(0, name.lastIndexOf('.'));
	}

	private static String row(JsonNode property) {
		String name = property.get("name").asString();
		return "| " + environmentVariables(name, property.path("type").asString()) + " | `" + name + "` | "
				+ defaultValue(property.get("defaultValue")) + " | " + description(property) + " |\n";
	}

	/**
	 * The name as users type it in an environment, by Spring Boot's relaxed binding:
	 * upper case, dots and dashes as underscores; a map's keys and a list's indexes
	 * follow the name.
	 */
	static String environmentVariables(String name, String type) {
		String variable = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
		if (type.startsWith("java.util.Map<")) {
			return "`" + variable + "_<KEY>`";
		}
		String element = elementType(type);
		if (element != null && SCALARS.stream().noneMatch(element::startsWith)) {
			return recordComponents(element).stream()
				.map((component) -> "`" + variable + "_<N>_" + component.toUpperCase(Locale.ROOT) + "`")
				.collect(Collectors.joining("<br>"));
		}
		return "`" + variable + "`";
	}

	private static String elementType(String type) {
		if (type.startsWith("java.util.List<") && type.endsWith(">")) {
			return type.substring("java.util.List<".length(), type.length() - 1);
		}
		return null;
	}

	private static List<String> recordComponents(String type) {
		try {
			return Arrays.stream(Class.forName(type).getRecordComponents())
				.map((component) -> component.getName())
				.toList();
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("The type of a setting is not on the class path: " + type, ex);
		}
	}

	private static String defaultValue(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> values = new ArrayList<>();
			value.forEach((element) -> values.add(element.asString()));
			return "`" + String.join(",", values) + "`";
		}
		String text = value.asString();
		if (text.startsWith("[") && text.endsWith("]")) {
			// A list's default, written as its toString(): shown as it is typed, with
			// commas.
			text = String.join(",", text.substring(1, text.length() - 1).split(",\\s*"));
		}
		return "`" + text + "`";
	}

	static String description(JsonNode property) {
		String description = INLINE_TAG.matcher(property.path("description").asString().trim().replaceAll("\\s+", " "))
			.replaceAll("`$1`")
			.replace("|", "\\|");
		if (description.isEmpty()) {
			return description;
		}
		return Character.toUpperCase(description.charAt(0)) + description.substring(1)
				+ (description.endsWith(".") ? "" : ".");
	}

	/**
	 * Rewrites the generated part of {@code docs/settings.md}; run from the worker module
	 * after a build, as {@link SettingsReferenceTests} says.
	 */
	public static void main(String[] args) throws IOException {
		SettingsReference reference = read(METADATA);
		Files.writeString(DOCUMENT, reference.document(Files.readString(DOCUMENT)));
	}

}

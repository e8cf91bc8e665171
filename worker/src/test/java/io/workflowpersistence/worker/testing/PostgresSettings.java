package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a {@code postgresql.conf} file: {@code name = value} lines, comments
 * after {@code #}, values in single quotes unquoted.
 */
public final class PostgresSettings {

	private static final Pattern SETTING = Pattern.compile("^\\s*([\\w.]+)\\s*=?\\s*('(?:[^']|'')*'|[^#\\s]+)");

	private PostgresSettings() {
	}

	/**
	 * Reads a settings file; a setting given twice keeps its last value, as PostgreSQL
	 * does.
	 * @param file the file
	 * @return each setting's value, in the order of the file
	 */
	public static Map<String, String> read(Path file) {
		Map<String, String> settings = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(file)) {
				Matcher setting = SETTING.matcher(line);
				if (setting.find()) {
					settings.put(setting.group(1), unquote(setting.group(2)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return settings;
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
			return value.substring(1, value.length() - 1).replace("''", "'");
		}
		return value;
	}

}

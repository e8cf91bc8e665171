package io.workflowpersistence.worker.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a command ({@code --name value}, {@code --name=value} or a flag) apart
 * from the configuration of the worker ({@code --spring.datasource.url=…}, any option
 * whose name holds a dot), which is passed on to Spring as it is.
 *
 * @param values the value of each option given, {@code "true"} for a flag
 * @param repeated every value of each option, in order
 * @param configuration the arguments passed on to Spring
 */
record CommandLine(Map<String, String> values, Map<String, List<String>> repeated, List<String> configuration) {

	static CommandLine parse(List<String> args, Set<String> flags, Set<String> options) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, List<String>> repeated = new LinkedHashMap<>();
		List<String> configuration = new ArrayList<>();
		for (int index = 0; index < args.size(); index++) {
			String arg = args.get(index);
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "'");
			}
			String name = arg.substring(2);
			String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (name.contains(".")) {
				if (value == null) {
					throw new IllegalArgumentException("--" + name + " needs a value: --" + name + "=VALUE");
				}
				configuration.add(arg);
			}
			else if (flags.contains(name)) {
				if (value != null) {
					throw new IllegalArgumentException("--" + name + " takes no value");
				}
				values.put(name, "true");
			}
			else if (options.contains(name)) {
				if (value == null) {
					if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
						throw new IllegalArgumentException("--" + name + " needs a value");
					}
					value = args.get(++index);
				}
				values.put(name, value);
				repeated.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
			else {
				throw new IllegalArgumentException("unknown option --" + name);
			}
		}
		return new CommandLine(values, repeated, configuration);
	}

	boolean has(String flag) {
		return this.values.containsKey(flag);
	}

	String value(String option) {
		return this.values.get(option);
	}

	List<String> all(String option) {
		return this.repeated.getOrDefault(option, List.of());
	}

	int positive(String option, int fallback) {
		String value = this.values.get(option);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < 1) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"--" + option + " must be a whole number of at least 1 but was '" + value + "'");
		}
	}

}

package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

import org.springframework.boot.convert.DurationStyle;

/**
 * Reads the command line of a command into its picocli-annotated options, apart from the
 * worker's settings: any {@code --name=value} whose name holds a dot
 * ({@code --spring.datasource.url=…}) is not an option of the command but passed on to
 * Spring as it is. An option given twice takes its last value, unless it collects every
 * value.
 */
final class CommandLines {

	private CommandLines() {
	}

	/**
	 * The picocli command line of an annotated options object.
	 */
	static CommandLine of(Object options) {
		return new CommandLine(options).setOverwrittenOptionsAllowed(true).setUsageHelpLongOptionsMaxWidth(26);
	}

	/**
	 * Sets the options of the command line from the arguments and returns the settings
	 * among them.
	 * @throws ParameterException naming what is wrong
	 */
	static List<String> parse(CommandLine line, List<String> args) {
		List<String> options = new ArrayList<>();
		List<String> settings = new ArrayList<>();
		for (String arg : args) {
			if (!isSetting(arg)) {
				options.add(arg);
			}
			else if (arg.contains("=")) {
				settings.add(arg);
			}
			else {
				throw new ParameterException(line, arg + " needs a value: " + arg + "=VALUE");
			}
		}
		line.parseArgs(options.toArray(String[]::new));
		return settings;
	}

	private static boolean isSetting(String arg) {
		int end = arg.indexOf('=');
		return arg.startsWith("--") && arg.substring(0, (end >= 0) ? end : arg.length()).contains(".");
	}

	/**
	 * A whole number of at least 1.
	 */
	static final class PositiveNumber implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			try {
				int number = Integer.parseInt(value);
				if (number >= 1) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// Reported below, as a number below 1 is.
			}
			throw new TypeConversionException("must be a whole number of at least 1 but was '" + value + "'");
		}

	}

	/**
	 * A positive duration as Spring reads it: {@code 10s}, {@code 1m}, {@code PT30S}.
	 */
	static final class PositiveDuration implements ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			try {
				Duration duration = DurationStyle.detectAndParse(value);
				if (!duration.isNegative() && !duration.isZero()) {
					return duration;
				}
			}
			catch (IllegalArgumentException ex) {
				// Reported below, as a duration that is not positive is.
			}
			throw new TypeConversionException("must be a positive duration such as 10s or 1m but was '" + value + "'");
		}

	}

	/**
	 * Any text but an empty or blank one.
	 */
	static final class NonBlank implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			if (value.isBlank()) {
				throw new TypeConversionException("must not be empty");
			}
			return value;
		}

	}

}

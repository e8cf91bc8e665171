package io.workflowpersistence.simulator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line of {@link SimulatorMain}: {@code --name value} or
 * {@code --name=value}; an option given twice takes its last value.
 *
 * @param bootstrapServers the Kafka brokers
 * @param rate records per second, {@code 0} for as fast as possible
 * @param events the most records to send, {@code 0} for no limit
 * @param partitions the partitions of topics the simulator creates
 * @param settings what to simulate
 */
record SimulatorArguments(String bootstrapServers, double rate, long events, int partitions,
		SimulatorSettings settings) {

	/**
	 * The arguments, with defaults for those not given.
	 * @param args the command line
	 * @param environment the environment variables
	 * @param now the time that stands for "now" and the default seed
	 * @throws ParameterException naming what is wrong
	 */
	static SimulatorArguments parse(List<String> args, Map<String, String> environment, Instant now) {
		Options options = new Options();
		CommandLine line = commandLine(options);
		line.parseArgs(args.toArray(String[]::new));
		if (options.faultRate + options.cancelRate > 1) {
			throw new ParameterException(line, "--fault-rate and --cancel-rate must add up to at most 1 but were "
					+ options.faultRate + " and " + options.cancelRate);
		}
		String bootstrapServers = (options.bootstrapServers != null) ? options.bootstrapServers
				: environment.getOrDefault("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
		SimulatorSettings defaults = SimulatorSettings.defaults();
		SimulatorSettings settings = new SimulatorSettings((options.seed != null) ? options.seed : now.toEpochMilli(),
				options.instances, options.duplicateRate, options.outOfOrderRate, options.binaryRate, options.faultRate,
				options.cancelRate, options.deleteRate,
				(options.startTime != null) ? options.startTime : now.truncatedTo(ChronoUnit.MILLIS),
				defaults.instanceInterval(), defaults.source());
		return new SimulatorArguments(bootstrapServers, options.rate, options.events, options.partitions, settings);
	}

	/**
	 * The text of {@code --help}.
	 */
	static String usage() {
		return commandLine(new Options()).getUsageMessage();
	}

	static boolean asksForHelp(List<String> args) {
		return args.contains("--help") || args.contains("-h");
	}

	private static CommandLine commandLine(Options options) {
		return new CommandLine(options).setOverwrittenOptionsAllowed(true).setUsageHelpLongOptionsMaxWidth(30);
	}

	@Command(name = "simulate", customSynopsis = "java -jar worker.jar simulate [options]", descriptionHeading = "%n",
			description = "Publishes a simulated Elsa engine's workflow events, as CloudEvents, to Kafka.",
			optionListHeading = "%nOptions:%n", sortOptions = false, usageHelpWidth = 120)
	static final class Options {

		private static final SimulatorSettings DEFAULTS = SimulatorSettings.defaults();

		@Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
				description = "Kafka brokers (default: $SPRING_KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)")
		String bootstrapServers;

		@Option(names = "--rate", paramLabel = "N", converter = NonNegativeNumber.class,
				description = "events per second, 0 for as fast as possible (default: 50)")
		double rate = 50;

		@Option(names = "--instances", paramLabel = "N", converter = WholeNumber.class,
				description = "workflow instances to run, 0 for without end (default: 1000)")
		int instances = 1000;

		@Option(names = "--events", paramLabel = "N", converter = LongWholeNumber.class,
				description = "stop after N events, 0 for no limit (default: 0)")
		long events;

		@Option(names = "--seed", paramLabel = "N", converter = LongWholeNumber.class,
				description = "the seed of the run; the same seed and start time repeat it (default: the clock)")
		Long seed;

		@Option(names = "--start-time", paramLabel = "TIME", converter = Rfc3339Time.class,
				description = "time of the first event, RFC 3339 (default: now)")
		Instant startTime;

		@Option(names = "--duplicate-rate", paramLabel = "R", converter = Rate.class,
				description = "share of events sent twice (default: 0.02)")
		double duplicateRate = DEFAULTS.duplicateRate();

		@Option(names = "--out-of-order-rate", paramLabel = "R", converter = Rate.class,
				description = "share of events delivered after a newer version (default: 0.02)")
		double outOfOrderRate = DEFAULTS.outOfOrderRate();

		@Option(names = "--binary-rate", paramLabel = "R", converter = Rate.class,
				description = "share of events in binary content mode (default: 0.3)")
		double binaryRate = DEFAULTS.binaryRate();

		@Option(names = "--fault-rate", paramLabel = "R", converter = Rate.class,
				description = "share of instances that fault (default: 0.08)")
		double faultRate = DEFAULTS.faultRate();

		@Option(names = "--cancel-rate", paramLabel = "R", converter = Rate.class,
				description = "share of instances cancelled (default: 0.05)")
		double cancelRate = DEFAULTS.cancelRate();

		@Option(names = "--delete-rate", paramLabel = "R", converter = Rate.class,
				description = "share of ended instances deleted (default: 0.1)")
		double deleteRate = DEFAULTS.deleteRate();

		@Option(names = "--partitions", paramLabel = "N", converter = PositiveNumber.class,
				description = "partitions of the topics it creates when missing (default: 3)")
		int partitions = 3;

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
		boolean help;

	}

	/**
	 * A rate of events: a number, whole or not, of 0 or more.
	 */
	static final class NonNegativeNumber implements ITypeConverter<Double> {

		@Override
		public Double convert(String value) {
			double number = number(value);
			if (!(number >= 0) || Double.isInfinite(number)) {
				throw new TypeConversionException("must be 0 (as fast as possible) or more but was '" + value + "'");
			}
			return number;
		}

	}

	/**
	 * A share: a number from 0 to 1.
	 */
	static final class Rate implements ITypeConverter<Double> {

		@Override
		public Double convert(String value) {
			double number = number(value);
			if (!(number >= 0 && number <= 1)) {
				throw new TypeConversionException("must be between 0 and 1 but was '" + value + "'");
			}
			return number;
		}

	}

	/**
	 * A whole number from 0 to the largest {@code int}.
	 */
	static final class WholeNumber implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			return (int) whole(value, 0, Integer.MAX_VALUE);
		}

	}

	/**
	 * A whole number from 0 to the largest {@code long}.
	 */
	static final class LongWholeNumber implements ITypeConverter<Long> {

		@Override
		public Long convert(String value) {
			return whole(value, 0, Long.MAX_VALUE);
		}

	}

	/**
	 * A whole number from 1 to the largest {@code int}.
	 */
	static final class PositiveNumber implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			return (int) whole(value, 1, Integer.MAX_VALUE);
		}

	}

	/**
	 * A time as RFC 3339 writes it, such as {@code 2026-11-24T08:00:00Z}.
	 */
	static final class Rfc3339Time implements ITypeConverter<Instant> {

		@Override
		public Instant convert(String value) {
			try {
				return Instant.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new TypeConversionException(
						"must be an RFC 3339 time such as 2026-11-24T08:00:00Z but was '" + value + "'");
			}
		}

	}

	private static double number(String value) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new TypeConversionException("must be a number but was '" + value + "'");
		}
	}

	private static long whole(String value, long min, long max) {
		long number;
		try {
			number = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new TypeConversionException("must be a whole number but was '" + value + "'");
		}
		if (number < min || number > max) {
			throw new TypeConversionException("must be between " + min + " and " + max + " but was " + value);
		}
		return number;
	}

}

package io.workflowpersistence.simulator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link SimulatorMain}: {@code --name value} or
 * {@code --name=value}.
 *
 * @param bootstrapServers the Kafka brokers
 * @param rate records per second, {@code 0} for as fast as possible
 * @param events the most records to send, {@code 0} for no limit
 * @param partitions the partitions of topics the simulator creates
 * @param settings what to simulate
 */
record SimulatorArguments(String bootstrapServers, double rate, long events, int partitions,
		SimulatorSettings settings) {

	static final String USAGE = """
			Publishes a simulated Elsa engine's workflow events, as CloudEvents, to Kafka.

			Options:
			  --bootstrap-servers HOST:PORT  Kafka brokers (default: $SPRING_KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)
			  --rate N                       events per second, 0 for as fast as possible (default: 50)
			  --instances N                  workflow instances to run, 0 for without end (default: 1000)
			  --events N                     stop after N events, 0 for no limit (default: 0)
			  --seed N                       the seed of the run; the same seed and start time repeat it (default: the clock)
			  --start-time TIME              time of the first event, RFC 3339 (default: now)
			  --duplicate-rate R             share of events sent twice (default: 0.02)
			  --out-of-order-rate R          share of events delivered after a newer version (default: 0.02)
			  --binary-rate R                share of events in binary content mode (default: 0.3)
			  --fault-rate R                 share of instances that fault (default: 0.08)
			  --cancel-rate R                share of instances cancelled (default: 0.05)
			  --delete-rate R                share of ended instances deleted (default: 0.1)
			  --partitions N                 partitions of the topics it creates when missing (default: 3)
			  --help                         this text
			""";

	private static final List<String> OPTIONS = List.of("bootstrap-servers", "rate", "instances", "events", "seed",
			"start-time", "duplicate-rate", "out-of-order-rate", "binary-rate", "fault-rate", "cancel-rate",
			"delete-rate", "partitions");

	/**
	 * The arguments, with defaults for those not given.
	 * @param args the command line
	 * @param environment the environment variables
	 * @param now the time that stands for "now" and the default seed
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static SimulatorArguments parse(List<String> args, Map<String, String> environment, Instant now) {
		Map<String, String> values = options(args);
		SimulatorSettings defaults = SimulatorSettings.defaults();
		String bootstrapServers = values.getOrDefault("bootstrap-servers",
				environment.getOrDefault("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
		double rate = number(values, "rate", 50);
		long events = (long) whole(values, "events", 0, Long.MAX_VALUE);
		int partitions = (int) whole(values, "partitions", 3, Integer.MAX_VALUE);
		if (partitions < 1) {
			throw new IllegalArgumentException("--partitions must be at least 1 but was " + partitions);
		}
		if (rate < 0 || Double.isInfinite(rate)) {
			throw new IllegalArgumentException("--rate must be 0 (as fast as possible) or more but was " + rate);
		}
		SimulatorSettings settings = new SimulatorSettings(
				(long) whole(values, "seed", now.toEpochMilli(), Long.MAX_VALUE),
				(int) whole(values, "instances", 1000, Integer.MAX_VALUE),
				number(values, "duplicate-rate", defaults.duplicateRate()),
				number(values, "out-of-order-rate", defaults.outOfOrderRate()),
				number(values, "binary-rate", defaults.binaryRate()),
				number(values, "fault-rate", defaults.faultRate()),
				number(values, "cancel-rate", defaults.cancelRate()),
				number(values, "delete-rate", defaults.deleteRate()), startTime(values, now),
				defaults.instanceInterval(), defaults.source());
		return new SimulatorArguments(bootstrapServers, rate, events, partitions, settings);
	}

	static boolean asksForHelp(List<String> args) {
		return args.contains("--help") || args.contains("-h");
	}

	private static Map<String, String> options(List<String> args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int index = 0; index < args.size(); index++) {
			String arg = args.get(index);
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "'");
			}
			String name = arg.substring(2);
			String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (!OPTIONS.contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
			if (value == null) {
				if (index + 1 >= args.size()) {
					throw new IllegalArgumentException("--" + name + " needs a value");
				}
				value = args.get(++index);
			}
			values.put(name, value);
		}
		return values;
	}

	private static double number(Map<String, String> values, String name, double fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a number but was '" + value + "'");
		}
	}

	private static long whole(Map<String, String> values, String name, long fallback, long max) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			long parsed = Long.parseLong(value);
			if (parsed < 0 || parsed > max) {
				throw new IllegalArgumentException("--" + name + " must be between 0 and " + max + " but was " + value);
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a whole number but was '" + value + "'");
		}
	}

	private static Instant startTime(Map<String, String> values, Instant now) {
		String value = values.get("start-time");
		if (value == null) {
			return now.truncatedTo(ChronoUnit.MILLIS);
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"--start-time must be an RFC 3339 time such as 2026-11-24T08:00:00Z but was '" + value + "'");
		}
	}

}

package io.workflowpersistence.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SimulatorArgumentsTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:11:12.345678Z");

	@Test
	void defaultsComeFromTheSettingsTheEnvironmentAndTheClock() {
		SimulatorArguments arguments = SimulatorArguments.parse(List.of(),
				Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), NOW);

		assertThat(arguments.bootstrapServers()).isEqualTo("kafka:9092");
		assertThat(arguments.rate()).isEqualTo(50);
		assertThat(arguments.events()).isZero();
		assertThat(arguments.partitions()).isEqualTo(3);
		assertThat(arguments.settings().seed()).isEqualTo(NOW.toEpochMilli());
		assertThat(arguments.settings().startTime()).isEqualTo("2026-11-25T10:11:12.345Z");
		assertThat(arguments.settings().instances()).isEqualTo(1000);
		assertThat(arguments.settings().binaryRate()).isEqualTo(SimulatorSettings.defaults().binaryRate());
	}

	@Test
	void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
		SimulatorArguments arguments = SimulatorArguments.parse(List.of("--bootstrap-servers", "broker:29092",
				"--rate=0", "--instances", "0", "--events=5000", "--seed", "42", "--start-time", "2026-01-01T00:00:00Z",
				"--duplicate-rate", "0.1", "--binary-rate=1"), Map.of(), NOW);

		assertThat(arguments.bootstrapServers()).isEqualTo("broker:29092");
		assertThat(arguments.rate()).isZero();
		assertThat(arguments.events()).isEqualTo(5000);
		assertThat(arguments.settings().instances()).isZero();
		assertThat(arguments.settings().seed()).isEqualTo(42);
		assertThat(arguments.settings().startTime()).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(arguments.settings().duplicateRate()).isEqualTo(0.1);
		assertThat(arguments.settings().binaryRate()).isEqualTo(1);
	}

	@Test
	void anOptionGivenTwiceTakesItsLastValue() {
		assertThat(parse("--rate", "10", "--rate=20").rate()).isEqualTo(20);
	}

	@Test
	void badArgumentsAreNamedInTheError() {
		assertInvalid("--rate", "fast")
			.withMessage("Invalid value for option '--rate': must be a number but was 'fast'");
		assertInvalid("--rate", "-1")
			.withMessage("Invalid value for option '--rate': must be 0 (as fast as possible) or more but was '-1'");
		assertInvalid("--instances", "-3")
			.withMessage("Invalid value for option '--instances': must be between 0 and 2147483647 but was -3");
		assertInvalid("--partitions", "0")
			.withMessage("Invalid value for option '--partitions': must be between 1 and 2147483647 but was 0");
		assertInvalid("--events", "many")
			.withMessage("Invalid value for option '--events': must be a whole number but was 'many'");
		assertInvalid("--speed", "3").withMessage("Unknown options: '--speed', '3'");
		assertInvalid("--seed").withMessage("Missing required parameter for option '--seed' (N)");
		assertInvalid("fast").withMessage("Unmatched argument at index 0: 'fast'");
		assertInvalid("--start-time", "yesterday")
			.withMessageStartingWith("Invalid value for option '--start-time': must be an RFC 3339 time");
	}

	@Test
	void ratesAreSharesFromZeroToOne() {
		assertThat(parse("--fault-rate", "0", "--cancel-rate=1").settings().cancelRate()).isEqualTo(1);
		assertInvalid("--duplicate-rate", "2")
			.withMessage("Invalid value for option '--duplicate-rate': must be between 0 and 1 but was '2'");
		assertInvalid("--delete-rate", "NaN")
			.withMessage("Invalid value for option '--delete-rate': must be between 0 and 1 but was 'NaN'");
		assertInvalid("--fault-rate", "0.6", "--cancel-rate", "0.5")
			.withMessage("--fault-rate and --cancel-rate must add up to at most 1 but were 0.6 and 0.5");
	}

	@Test
	void commandPrintsTheErrorAndUsageAndExitsWithTwoOnBadArguments() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int code = SimulatorMain.run(List.of("--rate", "fast"), Map.of(), print(out), print(err));

		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.startsWith(String.format("error: Invalid value for option '--rate': must be a number but was 'fast'%n%n"
					+ "Usage: java -jar worker.jar simulate [options]"))
			.contains("--bootstrap-servers=HOST:PORT");
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void commandNamesTheOptionsAMistypedOneMayHaveMeant() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int code = SimulatorMain.run(List.of("--instance", "5"), Map.of(), print(new ByteArrayOutputStream()),
				print(err));

		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: Unknown options: '--instance', '5'")
			.contains("Possible solutions: --instances");
	}

	@Test
	void commandPrintsUsageOnHelp() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int code = SimulatorMain.run(List.of("--rate", "fast", "--help"), Map.of(), print(out),
				print(new ByteArrayOutputStream()));

		assertThat(code).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar worker.jar simulate [options]")
			.contains("Publishes a simulated Elsa engine's workflow events")
			.contains("--rate=N", "--seed=N", "--start-time=TIME", "(default: 0.02)", "-h, --help");
	}

	private static SimulatorArguments parse(String... args) {
		return SimulatorArguments.parse(List.of(args), Map.of(), NOW);
	}

	private static ThrowableAssertAlternative<ParameterException> assertInvalid(String... args) {
		return assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> parse(args));
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

}

package io.workflowpersistence.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
	void badArgumentsAreNamedInTheError() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--rate", "fast"))
			.withMessage("--rate must be a number but was 'fast'");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--rate", "-1"))
			.withMessage("--rate must be 0 (as fast as possible) or more but was -1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--instances", "-3"))
			.withMessage("--instances must be between 0 and 2147483647 but was -3");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--speed", "3"))
			.withMessage("unknown option --speed");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--seed")).withMessage("--seed needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("fast")).withMessage("unexpected argument 'fast'");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--start-time", "yesterday"))
			.withMessageStartingWith("--start-time must be an RFC 3339 time");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--duplicate-rate", "2"))
			.withMessage("duplicateRate must be between 0 and 1 but was 2.0");
	}

	@Test
	void commandPrintsTheErrorAndUsageAndExitsWithTwoOnBadArguments() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int code = SimulatorMain.run(List.of("--rate", "fast"), Map.of(), print(out), print(err));

		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --rate must be a number but was 'fast'")
			.contains("--bootstrap-servers HOST:PORT");
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void commandPrintsUsageOnHelp() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int code = SimulatorMain.run(List.of("--help"), Map.of(), print(out), print(new ByteArrayOutputStream()));

		assertThat(code).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("--rate N", "--seed N");
	}

	private static SimulatorArguments parse(String... args) {
		return SimulatorArguments.parse(List.of(args), Map.of(), NOW);
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

}

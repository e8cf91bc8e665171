package io.workflowpersistence.worker.replay;

import java.util.List;

import io.workflowpersistence.worker.replay.ReplayTesting.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCommandsTests {

	@Test
	void helpPrintsTheUsageAndExitsWithZero() {
		Outcome rebuild = ReplayTesting.command(List.of("rebuild", "--help"));
		Outcome redrive = ReplayTesting.command(List.of("redrive", "-h"));

		assertThat(rebuild.code()).isZero();
		assertThat(rebuild.out()).startsWith("Usage: java -jar worker.jar rebuild").contains("--dry-run");
		assertThat(redrive.code()).isZero();
		assertThat(redrive.out()).startsWith("Usage: java -jar worker.jar redrive");
	}

	@Test
	void helpDescribesEveryOptionWithTheSettingsAndTheExitCodes() {
		String rebuild = ReplayTesting.command(List.of("rebuild", "--help")).out();
		String redrive = ReplayTesting.command(List.of("redrive", "--help")).out();

		assertThat(rebuild)
			.contains("--dry-run", "--in-place", "--confirm-empty-tables", "--schema=NAME", "--group=ID", "--threads=N",
					"--catch-up-lag=N", "--progress-interval=TIME", "(default: 10s)", "--allow-incomplete",
					"-h, --help")
			.contains("Settings are the worker's (SPRING_DATASOURCE_URL,")
			.contains("Exit codes: 0 done, 1 failed, 2 invalid arguments, 3 another rebuild is running, 4 records")
			.contains("(see --allow-incomplete).");
		assertThat(redrive).contains("--dry-run", "--topic=NAME", "repeat for several", "--group=ID")
			.contains("Exit codes: 0 done, 1 failed, 2 invalid arguments.");
	}

	@Test
	void helpWinsOverInvalidArguments() {
		Outcome outcome = ReplayTesting.command(List.of("rebuild", "--threads", "0", "--help"));

		assertThat(outcome.code()).isZero();
		assertThat(outcome.out()).startsWith("Usage: java -jar worker.jar rebuild");
		assertThat(outcome.err()).isEmpty();
	}

	@Test
	void invalidArgumentsPrintTheErrorAndTheUsageAndExitWithTwo() {
		Outcome outcome = ReplayTesting.command(List.of("rebuild", "--in-place"));

		assertThat(outcome.code()).isEqualTo(2);
		assertThat(outcome.err()).startsWith("error: --in-place empties the live tables")
			.contains("Usage: java -jar worker.jar rebuild");
		assertThat(outcome.out()).isEmpty();
	}

	@Test
	void aMistypedOptionIsNamedWithTheOptionsItMayHaveMeant() {
		Outcome outcome = ReplayTesting.command(List.of("rebuild", "--thread", "3"));

		assertThat(outcome.code()).isEqualTo(2);
		assertThat(outcome.err()).startsWith("error: Unknown options: '--thread', '3'")
			.contains("Possible solutions: --threads")
			.contains("Usage: java -jar worker.jar rebuild");
	}

	@Test
	void anInvalidValueIsNamedOnOneLineBeforeTheUsage() {
		Outcome outcome = ReplayTesting.command(List.of("rebuild", "--threads", "0"));

		assertThat(outcome.code()).isEqualTo(2);
		assertThat(outcome.err()).startsWith(String
			.format("error: Invalid value for option '--threads': must be a whole number of at least 1 but was '0'%n%n"
					+ "Usage: java -jar worker.jar rebuild"));
	}

}

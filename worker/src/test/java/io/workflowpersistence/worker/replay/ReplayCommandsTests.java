package io.workflowpersistence.worker.replay;

import java.util.List;

import io.workflowpersistence.worker.replay.ReplayTesting.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCommandsTests {

	@Test
	void onlyTheCommandsAreHandledApartFromTheWorker() {
		assertThat(ReplayCommands.handles(new String[] { "rebuild", "--dry-run" })).isTrue();
		assertThat(ReplayCommands.handles(new String[] { "redrive" })).isTrue();
		assertThat(ReplayCommands.handles(new String[] { "--server.port=8081" })).isFalse();
		assertThat(ReplayCommands.handles(new String[0])).isFalse();
	}

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
	void invalidArgumentsPrintTheErrorAndTheUsageAndExitWithTwo() {
		Outcome outcome = ReplayTesting.command(List.of("rebuild", "--in-place"));

		assertThat(outcome.code()).isEqualTo(2);
		assertThat(outcome.err()).startsWith("error: --in-place empties the live tables")
			.contains("Usage: java -jar worker.jar rebuild");
		assertThat(outcome.out()).isEmpty();
	}

}

package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RebuildArgumentsTests {

	@Test
	void withoutOptionsItRebuildsAFreshSchemaWithDefaults() {
		RebuildArguments arguments = RebuildArguments.parse(List.of());

		assertThat(arguments.dryRun()).isFalse();
		assertThat(arguments.inPlace()).isFalse();
		assertThat(arguments.schema()).isNull();
		assertThat(arguments.group()).isNull();
		assertThat(arguments.threads()).isNull();
		assertThat(arguments.catchUpLag()).isEqualTo(5000);
		assertThat(arguments.progressInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(arguments.configuration()).isEmpty();
	}

	@Test
	void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
		RebuildArguments arguments = RebuildArguments.parse(List.of("--schema", "rebuild_x", "--group=ops.rebuild",
				"--threads", "4", "--catch-up-lag=10", "--progress-interval", "PT1M"));

		assertThat(arguments.schema()).isEqualTo("rebuild_x");
		assertThat(arguments.group()).isEqualTo("ops.rebuild");
		assertThat(arguments.threads()).isEqualTo(4);
		assertThat(arguments.catchUpLag()).isEqualTo(10);
		assertThat(arguments.progressInterval()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void settingsOfTheWorkerArePassedOnToSpring() {
		RebuildArguments arguments = RebuildArguments.parse(List.of("--dry-run",
				"--spring.datasource.url=jdbc:postgresql://db/workflows", "--worker.ingest.topics=a,b"));

		assertThat(arguments.dryRun()).isTrue();
		assertThat(arguments.configuration()).containsExactly("--spring.datasource.url=jdbc:postgresql://db/workflows",
				"--worker.ingest.topics=a,b");
	}

	@Test
	void inPlaceNeedsTheConfirmationExceptForADryRun() {
		assertThatIllegalArgumentException().isThrownBy(() -> RebuildArguments.parse(List.of("--in-place")))
			.withMessageContaining("--confirm-empty-tables");
		assertThat(RebuildArguments.parse(List.of("--in-place", "--confirm-empty-tables")).inPlace()).isTrue();
		assertThat(RebuildArguments.parse(List.of("--in-place", "--dry-run")).inPlace()).isTrue();
	}

	@Test
	void invalidArgumentsAreNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RebuildArguments.parse(List.of("--in-place", "--confirm-empty-tables", "--schema", "x")))
			.withMessageContaining("--schema");
		assertThatIllegalArgumentException().isThrownBy(() -> RebuildArguments.parse(List.of("--schema", "Public;")))
			.withMessageContaining("--schema must be a lower-case name");
		assertThatIllegalArgumentException().isThrownBy(() -> RebuildArguments.parse(List.of("--threads", "0")))
			.withMessageContaining("--threads must be a whole number of at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RebuildArguments.parse(List.of("--progress-interval", "often")))
			.withMessageContaining("--progress-interval");
		assertThatIllegalArgumentException().isThrownBy(() -> RebuildArguments.parse(List.of("--schema")))
			.withMessageContaining("--schema needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> RebuildArguments.parse(List.of("--dry-run=yes")))
			.withMessageContaining("--dry-run takes no value");
		assertThatIllegalArgumentException().isThrownBy(() -> RebuildArguments.parse(List.of("--fast")))
			.withMessageContaining("unknown option --fast");
		assertThatIllegalArgumentException().isThrownBy(() -> RebuildArguments.parse(List.of("now")))
			.withMessageContaining("unexpected argument 'now'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RebuildArguments.parse(List.of("--spring.datasource.url")))
			.withMessageContaining("--spring.datasource.url=VALUE");
	}

	@Test
	void redriveTakesRepeatedTopics() {
		RedriveArguments arguments = RedriveArguments.parse(List.of("--topic", "a.DLT", "--topic=b.DLT", "--dry-run"));

		assertThat(arguments.topics()).containsExactly("a.DLT", "b.DLT");
		assertThat(arguments.dryRun()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> RedriveArguments.parse(List.of("--in-place")))
			.withMessageContaining("unknown option --in-place");
	}

}

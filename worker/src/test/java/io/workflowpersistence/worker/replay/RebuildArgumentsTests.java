package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.List;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
		assertThat(arguments.allowIncomplete()).isFalse();
		assertThat(arguments.configuration()).isEmpty();
	}

	@Test
	void allowIncompleteIsAFlagThatGoesWithEveryTarget() {
		assertThat(RebuildArguments.parse(List.of("--allow-incomplete")).allowIncomplete()).isTrue();
		assertThat(RebuildArguments.parse(List.of("--allow-incomplete=false")).allowIncomplete()).isFalse();
		RebuildArguments inPlace = RebuildArguments
			.parse(List.of("--in-place", "--confirm-empty-tables", "--allow-incomplete", "--dry-run"));
		assertThat(inPlace.allowIncomplete()).isTrue();
		assertThat(inPlace.inPlace()).isTrue();
		assertInvalid("--allow-incomplete=maybe")
			.withMessage("Invalid value for option '--allow-incomplete': 'maybe' is not a boolean");
		assertInvalid("--allow-incomplete", "7").withMessage("Unmatched argument at index 1: '7'");
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
	void anOptionGivenTwiceTakesItsLastValue() {
		RebuildArguments arguments = RebuildArguments
			.parse(List.of("--threads", "2", "--threads=3", "--dry-run", "--dry-run"));

		assertThat(arguments.threads()).isEqualTo(3);
		assertThat(arguments.dryRun()).isTrue();
	}

	@Test
	void aFlagTakesAnExplicitTrueOrFalseAfterAnEqualsSign() {
		assertThat(RebuildArguments.parse(List.of("--dry-run=true")).dryRun()).isTrue();
		assertThat(RebuildArguments.parse(List.of("--dry-run=false")).dryRun()).isFalse();
		assertInvalid("--dry-run=yes").withMessage("Invalid value for option '--dry-run': 'yes' is not a boolean");
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
	void aSettingIsNeverTakenForTheValueOfAnOption() {
		assertInvalid("--schema", "--spring.datasource.url=jdbc:postgresql://db/workflows")
			.withMessage("Missing required parameter for option '--schema' (NAME)");
	}

	@Test
	void inPlaceNeedsTheConfirmationExceptForADryRun() {
		assertInvalid("--in-place").withMessageStartingWith("--in-place empties the live tables")
			.withMessageEndingWith("add --confirm-empty-tables to go ahead");
		assertThat(RebuildArguments.parse(List.of("--in-place", "--confirm-empty-tables")).inPlace()).isTrue();
		assertThat(RebuildArguments.parse(List.of("--in-place", "--dry-run")).inPlace()).isTrue();
	}

	@Test
	void invalidArgumentsAreNamed() {
		assertInvalid("--in-place", "--confirm-empty-tables", "--schema", "x")
			.withMessage("--schema names a fresh schema; it cannot go with --in-place");
		assertInvalid("--schema", "Public;").withMessage("Invalid value for option '--schema': must be a lower-case "
				+ "name of letters, digits and underscores, at most 63 long, but was 'Public;'");
		assertInvalid("--threads", "0")
			.withMessage("Invalid value for option '--threads': must be a whole number of at least 1 but was '0'");
		assertInvalid("--catch-up-lag=many").withMessage(
				"Invalid value for option '--catch-up-lag': must be a whole number of at least 1 but was 'many'");
		assertInvalid("--progress-interval", "often").withMessage("Invalid value for option '--progress-interval': "
				+ "must be a positive duration such as 10s or 1m but was 'often'");
		assertInvalid("--group=").withMessage("Invalid value for option '--group': must not be empty");
		assertInvalid("--schema").withMessage("Missing required parameter for option '--schema' (NAME)");
		assertInvalid("--fast").withMessage("Unknown option: '--fast'");
		assertInvalid("now").withMessage("Unmatched argument at index 0: 'now'");
		assertInvalid("--spring.datasource.url")
			.withMessage("--spring.datasource.url needs a value: --spring.datasource.url=VALUE");
	}

	@Test
	void redriveTakesRepeatedTopics() {
		RedriveArguments arguments = RedriveArguments.parse(List.of("--topic", "a.DLT", "--topic=b.DLT", "--dry-run"));

		assertThat(arguments.topics()).containsExactly("a.DLT", "b.DLT");
		assertThat(arguments.dryRun()).isTrue();
		assertThat(RedriveArguments.parse(List.of()).topics()).isEmpty();
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> RedriveArguments.parse(List.of("--topic", " ")))
			.withMessage("Invalid value for option '--topic' (NAME): must not be empty");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> RedriveArguments.parse(List.of("--in-place")))
			.withMessage("Unknown option: '--in-place'");
	}

	private static ThrowableAssertAlternative<ParameterException> assertInvalid(String... args) {
		return assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> RebuildArguments.parse(List.of(args)));
	}

}

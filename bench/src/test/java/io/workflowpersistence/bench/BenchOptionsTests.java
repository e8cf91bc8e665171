package io.workflowpersistence.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BenchOptionsTests {

	@Test
	void defaultsRunTheFullBenchmarkFromTheRootOfTheProject() {
		BenchOptions options = BenchOptions.defaults();

		assertThat(options).isEqualTo(new BenchOptions(1_000_000, 3, false, false, Path.of("bench/REPORT.md"),
				1_000_000, 10, 20, 10_000, 300, 1, Path.of("worker/target/worker.jar"), Path.of("bench/target/lib"),
				Path.of("bench/target/peer"), Path.of("bench/target/run"), null, false, List.of(1, 2, 3), "512m",
				List.of(), 200));
		assertThat(options.workerJvmOptions()).containsExactly("-Xms512m", "-Xmx512m");
		assertThat(options.latencyWarmUp()).isEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
		BenchOptions options = BenchOptions.parse(List.of("--events", "200_000", "--runs=1", "--skip-peer",
				"--api-instances", "100000", "--out", "target/REPORT.md", "--seed=7", "--work=target/run"));

		assertThat(options.events()).isEqualTo(200_000);
		assertThat(options.runs()).isEqualTo(1);
		assertThat(options.skipPeer()).isTrue();
		assertThat(options.skipApi()).isFalse();
		assertThat(options.apiInstances()).isEqualTo(100_000);
		assertThat(options.out()).isEqualTo(Path.of("target/REPORT.md"));
		assertThat(options.seed()).isEqualTo(7);
		assertThat(options.work()).isEqualTo(Path.of("target/run"));
	}

	@Test
	void aPostgresOfItsOwnIsStartedWithTheSettingsFileNamed() {
		assertThat(BenchOptions.parse(List.of("--postgres-conf", "docker/postgres/postgresql.conf")).postgresConf())
			.isEqualTo(Path.of("docker/postgres/postgresql.conf"));
		assertThat(BenchOptions.parse(List.of("--postgres-conf=initdb")).postgresConf().toString())
			.isEqualTo(OwnPostgres.STOCK);
		assertThat(BenchOptions.usage()).contains("--postgres-conf=FILE");
	}

	@Test
	void scaleOutTakesTheWorkerCountsAsAListOrIsLeftOut() {
		assertThat(BenchOptions.parse(List.of("--scale-out-workers", "1,4")).scaleOutWorkers()).containsExactly(1, 4);
		assertThat(BenchOptions.parse(List.of("--scale-out-workers=2")).scaleOutWorkers()).containsExactly(2);
		assertThat(BenchOptions.parse(List.of("--skip-scale-out")).skipScaleOut()).isTrue();
		assertThat(BenchOptions.usage()).contains("--skip-scale-out", "--scale-out-workers=N,N", "(default: 1,2,3)");
		assertInvalid("--scale-out-workers", "1,0")
			.withMessage("Invalid value for option '--scale-out-workers' (N,N): must be between 1 and "
					+ "2147483647 but was 0");
	}

	@Test
	void workersStartWithTheHeapGivenAndTheFurtherOptionsAfterIt() {
		BenchOptions options = BenchOptions.parse(List.of("--worker-heap", "1g", "--worker-jvm-option=-XX:+UseG1GC",
				"--worker-jvm-option=-XX:MaxGCPauseMillis=50", "--api-open-loop-rate", "400"));

		assertThat(options.workerJvmOptions()).containsExactly("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
				"-XX:MaxGCPauseMillis=50");
		assertThat(options.apiOpenLoopRate()).isEqualTo(400);
		assertInvalid("--api-open-loop-rate", "0")
			.withMessage("Invalid value for option '--api-open-loop-rate': must be between 1 and 2147483647 but was 0");
	}

	@Test
	void anOptionGivenTwiceTakesItsLastValue() {
		assertThat(BenchOptions.parse(List.of("--runs", "1", "--runs", "5")).runs()).isEqualTo(5);
	}

	@Test
	void badArgumentsAreNamedInTheError() {
		assertInvalid("--runs", "0")
			.withMessage("Invalid value for option '--runs': must be between 1 and " + "2147483647 but was 0");
		assertInvalid("--api-instances", "3000000000").withMessage(
				"Invalid value for option '--api-instances': must be between 1 and 2147483647 but was 3000000000");
		assertInvalid("--events=0").withMessage("Invalid value for option '--events': must be at least 1 but was 0");
		assertInvalid("--events", "many")
			.withMessage("Invalid value for option '--events': must be a whole number but was 'many'");
		assertInvalid("--out").withMessage("Missing required parameter for option '--out' (FILE)");
		assertInvalid("--skip-peers").withMessage("Unknown option: '--skip-peers'");
		assertInvalid("fast").withMessage("Unmatched argument at index 0: 'fast'");
	}

	@Test
	void usageListsEveryOptionWithItsDefault() {
		assertThat(BenchOptions.usage()).startsWith("Usage: bench/run.sh [options]")
			.contains("Loads simulated engine events into a Kafka broker")
			.contains("--events=N", "(default: 1000000)", "--skip-peer", "--activities-per-instance=N",
					"--worker-jar=FILE", "(default: bench/target/run)", "-h, --help");
	}

	@Test
	void helpIsAskedForAnywhereOnTheCommandLine() {
		assertThat(BenchOptions.asksForHelp(List.of("--runs", "0", "-h"))).isTrue();
		assertThat(BenchOptions.asksForHelp(List.of("--runs", "1"))).isFalse();
	}

	private static ThrowableAssertAlternative<ParameterException> assertInvalid(String... args) {
		return assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> BenchOptions.parse(List.of(args)));
	}

}

package io.workflowpersistence.worker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.workflowpersistence.worker.WorkerCommandLine.Choice;
import io.workflowpersistence.worker.WorkerCommandLine.Exit;
import io.workflowpersistence.worker.WorkerCommandLine.RunCommand;
import io.workflowpersistence.worker.WorkerCommandLine.RunWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerCommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@ParameterizedTest
	@ValueSource(strings = { "--help", "-h", "help" })
	void helpListsEveryCommandAndExitsZero(String help) {
		Choice choice = choose(help);
		assertThat(choice).isEqualTo(new Exit(0));
		assertThat(out()).contains("Usage: java -jar worker.jar [COMMAND]")
			.containsPattern("\\n  run +Run the worker")
			.containsPattern("\\n  rebuild +Rebuild the database")
			.containsPattern("\\n  redrive +Send dead-lettered records")
			.containsPattern("\\n  simulate +Publish a simulated engine")
			.containsPattern("\\n  help +Print this text");
		assertThat(err()).isEmpty();
	}

	@Test
	void noArgumentsRunTheWorker() {
		assertThat(choose()).isInstanceOfSatisfying(RunWorker.class, (worker) -> assertThat(worker.args()).isEmpty());
	}

	@Test
	void springSettingsRunTheWorkerWithThem() {
		assertThat(choose("--server.port=8081", "--spring.kafka.bootstrap-servers=kafka:9092", "--debug=true"))
			.isInstanceOfSatisfying(RunWorker.class, (worker) -> assertThat(worker.args())
				.containsExactly("--server.port=8081", "--spring.kafka.bootstrap-servers=kafka:9092", "--debug=true"));
	}

	@Test
	void runNamesTheWorkerExplicitly() {
		assertThat(choose("run", "--server.port=8081")).isInstanceOfSatisfying(RunWorker.class,
				(worker) -> assertThat(worker.args()).containsExactly("--server.port=8081"));
	}

	@Test
	void aCommandGetsTheWholeCommandLine() {
		assertThat(choose("rebuild", "--dry-run", "--spring.datasource.url=jdbc:postgresql://db/wf"))
			.isInstanceOfSatisfying(RunCommand.class, (command) -> {
				assertThat(command.command().name()).isEqualTo("rebuild");
				assertThat(command.args()).containsExactly("rebuild", "--dry-run",
						"--spring.datasource.url=jdbc:postgresql://db/wf");
			});
		assertThat(choose("simulate", "--rate", "200")).isInstanceOfSatisfying(RunCommand.class,
				(command) -> assertThat(command.command().name()).isEqualTo("simulate"));
	}

	@Test
	void helpOfACommandAsksTheCommandForItsHelp() {
		assertThat(choose("help", "redrive")).isInstanceOfSatisfying(RunCommand.class, (command) -> {
			assertThat(command.command().name()).isEqualTo("redrive");
			assertThat(command.args()).containsExactly("redrive", "--help");
		});
	}

	@Test
	void aMistypedCommandIsRefusedWithTheClosestCommand() {
		assertThat(choose("rebuld", "--dry-run")).isEqualTo(new Exit(2));
		assertThat(err()).startsWith("error: unknown command 'rebuld'")
			.contains("Did you mean: rebuild?")
			.contains("Usage: java -jar worker.jar [COMMAND]");
		assertThat(out()).isEmpty();
	}

	@Test
	void anUnknownCommandFarFromEveryCommandGetsNoSuggestion() {
		assertThat(choose("deploy")).isEqualTo(new Exit(2));
		assertThat(err()).startsWith("error: unknown command 'deploy'").doesNotContain("Did you mean");
	}

	@Test
	void aMistypedOptionIsRefusedWithTheClosestOption() {
		assertThat(choose("--hepl")).isEqualTo(new Exit(2));
		assertThat(err()).startsWith("error: Unknown option: '--hepl'").contains("Did you mean: --help?");
	}

	@Test
	void springBootsDebugSwitchRunsTheWorkerWithIt() {
		assertThat(choose("--debug", "--server.port=8081")).isInstanceOfSatisfying(RunWorker.class,
				(worker) -> assertThat(worker.args()).containsExactly("--debug", "--server.port=8081"));
	}

	@Test
	void distanceCountsTheEdits() {
		assertThat(Typos.distance("rebuld", "rebuild")).isOne();
		assertThat(Typos.distance("redrvie", "redrive")).isEqualTo(2);
		assertThat(Typos.distance("", "run")).isEqualTo(3);
	}

	@Test
	void anUnknownOptionIsRefused() {
		assertThat(choose("--server.port=8081", "--hlep")).isEqualTo(new Exit(2));
		assertThat(err()).startsWith("error: Unknown option: '--hlep'").contains("Usage: java -jar worker.jar");
	}

	@Test
	void aSettingWithoutValueIsRefused() {
		assertThat(choose("--spring.datasource.url")).isEqualTo(new Exit(2));
		assertThat(err()).startsWith("error: Unknown option: '--spring.datasource.url'");
	}

	@Test
	void aCommandAfterSettingsIsRefused() {
		assertThat(choose("--server.port=8081", "rebuild")).isEqualTo(new Exit(2));
		assertThat(err()).contains("the command comes first: java -jar worker.jar rebuild");
	}

	@Test
	void helpOfAnUnknownCommandIsRefused() {
		assertThat(choose("help", "redrve")).isEqualTo(new Exit(2));
		assertThat(err()).contains("unknown command 'redrve'").contains("Did you mean: redrive?");
	}

	private Choice choose(String... args) {
		return WorkerCommandLine.choose(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}

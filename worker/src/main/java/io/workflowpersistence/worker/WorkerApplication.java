package io.workflowpersistence.worker;

import java.util.Arrays;

import io.workflowpersistence.simulator.SimulatorMain;
import io.workflowpersistence.worker.embedded.EmbeddedRun;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The worker: consumes workflow events from Kafka into PostgreSQL and serves the read
 * API. Run with a command first ({@code rebuild}, {@code redrive}, {@code retention},
 * {@code simulate}; see {@code --help}), the jar runs that command instead and exits with
 * its code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

	/**
	 * Runs the worker, or the command its first argument names ({@code --help} lists
	 * them); exits with 2 on an unknown command or option.
	 */
	public static void main(String[] args) {
		WorkerCommandLine.Choice choice = WorkerCommandLine.choose(args, System.out, System.err);
		if (choice instanceof WorkerCommandLine.Exit exit) {
			System.exit(exit.code());
		}
		else if (choice instanceof WorkerCommandLine.RunCommand command) {
			command.command().main().accept(command.args());
		}
		else if (choice instanceof WorkerCommandLine.RunWorker worker) {
			SpringApplication application = new SpringApplication(WorkerApplication.class);
			EmbeddedRun.install(application);
			application.run(worker.args());
		}
	}

	static void simulate(String[] args) {
		// Without Spring Boot's logging set up, the Kafka client would log at DEBUG.
		LoggingSystem.get(WorkerApplication.class.getClassLoader())
			.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		SimulatorMain.main(Arrays.copyOfRange(args, 1, args.length));
	}

}

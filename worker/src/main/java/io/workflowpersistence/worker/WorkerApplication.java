package io.workflowpersistence.worker;

import java.util.Arrays;

import io.workflowpersistence.simulator.SimulatorMain;
import io.workflowpersistence.worker.embedded.EmbeddedRun;
import io.workflowpersistence.worker.replay.ReplayCommands;
import io.workflowpersistence.worker.retention.RetentionCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The worker: consumes workflow events from Kafka into PostgreSQL and serves the read
 * API. Run with {@code rebuild}, {@code redrive}, {@code retention} or {@code simulate}
 * first, the jar runs that command instead and exits with its code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

	/**
	 * Runs the worker, or the command its first argument names ({@code <command> --help}
	 * lists a command's options).
	 */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("simulate")) {
			// Without Spring Boot's logging set up, the Kafka client would log at DEBUG.
			LoggingSystem.get(WorkerApplication.class.getClassLoader())
				.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
			SimulatorMain.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (ReplayCommands.handles(args)) {
			ReplayCommands.main(args);
			return;
		}
		if (RetentionCommand.handles(args)) {
			RetentionCommand.main(args);
			return;
		}
		SpringApplication application = new SpringApplication(WorkerApplication.class);
		EmbeddedRun.install(application);
		application.run(args);
	}

}

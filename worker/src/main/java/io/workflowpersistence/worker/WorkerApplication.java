package io.workflowpersistence.worker;

import io.workflowpersistence.worker.replay.ReplayCommands;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The worker: consumes workflow events from Kafka into PostgreSQL and serves the read
 * API. Run with {@code rebuild} or {@code redrive} first, the jar runs that operations
 * command instead and exits with its code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

	public static void main(String[] args) {
		if (ReplayCommands.handles(args)) {
			ReplayCommands.main(args);
			return;
		}
		SpringApplication.run(WorkerApplication.class, args);
	}

}

package io.workflowpersistence.worker.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.workflowpersistence.simulator.SimulatorTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * The PostgreSQL server and Kafka broker of an embedded run, and the directory that holds
 * their data; stopping them deletes a temporary directory.
 */
final class EmbeddedServices {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedServices.class);

	private final Path directory;

	private final boolean temporary;

	private final PostgresServer postgres;

	private final KafkaBroker kafka;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private EmbeddedServices(Path directory, boolean temporary, PostgresServer postgres, KafkaBroker kafka) {
		this.directory = directory;
		this.temporary = temporary;
		this.postgres = postgres;
		this.kafka = kafka;
	}

	/**
	 * Starts both, side by side, and creates the contract's topics.
	 * @param dataDirectory where to keep the data, or {@code null} for a temporary
	 * directory
	 * @param partitions the partitions of each topic
	 */
	static EmbeddedServices start(Path dataDirectory, int partitions) {
		Path directory = (dataDirectory != null) ? dataDirectory : temporaryDirectory();
		boolean temporary = dataDirectory == null;
		CompletableFuture<PostgresServer> postgres = CompletableFuture
			.supplyAsync(() -> PostgresServer.start(directory.resolve("postgres")));
		KafkaBroker kafka;
		try {
			kafka = KafkaBroker.start(directory.resolve("kafka"), partitions);
		}
		catch (RuntimeException ex) {
			postgres.thenAccept(PostgresServer::close);
			throw ex;
		}
		try {
			EmbeddedServices services = new EmbeddedServices(directory, temporary, postgres.join(), kafka);
			services.createTopics(partitions);
			return services;
		}
		catch (CompletionException ex) {
			kafka.close();
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	String jdbcUrl() {
		return this.postgres.jdbcUrl();
	}

	String username() {
		return PostgresServer.USER;
	}

	String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	Path directory() {
		return this.directory;
	}

	boolean isTemporary() {
		return this.temporary;
	}

	/**
	 * Stops the broker and the server and deletes a temporary directory; only the first
	 * call does anything.
	 */
	void stop() {
		if (!this.stopped.compareAndSet(false, true)) {
			return;
		}
		logger.info("Stopping the embedded Kafka broker and PostgreSQL");
		try {
			this.kafka.close();
		}
		finally {
			this.postgres.close();
			if (this.temporary) {
				delete(this.directory);
			}
			logger.info("Stopped the embedded Kafka broker and PostgreSQL{}",
					this.temporary ? "; deleted " + this.directory : "");
		}
	}

	private void createTopics(int partitions) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			SimulatorTopics.createMissing(admin, partitions);
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("workflow-persistence-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory", ex);
		}
	}

	private static void delete(Path directory) {
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			logger.warn("Could not delete {}: {}", directory, ex.getMessage());
		}
	}

}

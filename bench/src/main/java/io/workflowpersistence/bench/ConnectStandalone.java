package io.workflowpersistence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * Kafka Connect standalone in a process of its own, running Debezium's JDBC sink
 * connector in upsert mode: each record upserted by its key's {@code id} into the table
 * its topic names, a Kafka tombstone deleting the row.
 */
final class ConnectStandalone implements AutoCloseable {

	static final int TASKS = 3;

	// The settings that worked best for this sink on this kind of machine: batches as
	// large as the worker's polls, one task per partition.
	private static final String SINK = """
			name=%1$s
			connector.class=io.debezium.connector.jdbc.JdbcSinkConnector
			tasks.max=%2$d
			topics=%3$s
			connection.url=%4$s
			connection.username=%5$s
			%6$s
			insert.mode=upsert
			delete.enabled=true
			primary.key.mode=record_key
			primary.key.fields=id
			schema.evolution=none
			collection.name.format=public.${topic}
			use.time.zone=UTC
			batch.size=2000
			use.reduction.buffer=true
			consumer.override.max.poll.records=2000
			consumer.override.auto.offset.reset=earliest
			""";

	private static final String WORKER = """
			bootstrap.servers=%1$s
			key.converter=org.apache.kafka.connect.json.JsonConverter
			value.converter=org.apache.kafka.connect.json.JsonConverter
			key.converter.schemas.enable=true
			value.converter.schemas.enable=true
			offset.storage.file.filename=%2$s
			offset.flush.interval.ms=500
			plugin.path=%3$s
			plugin.discovery=only_scan
			connector.client.config.override.policy=All
			listeners=http://127.0.0.1:%4$d
			""";

	private static final String LOGGING = """
			rootLogger.level=WARN
			rootLogger.appenderRef.stdout.ref=STDOUT
			appender.stdout.type=Console
			appender.stdout.name=STDOUT
			appender.stdout.layout.type=PatternLayout
			appender.stdout.layout.pattern=%d{HH:mm:ss.SSS} %-5p %c{1} - %m%n
			logger.debezium.name=io.debezium
			logger.debezium.level=INFO
			""";

	private final ChildProcess process;

	private ConnectStandalone(ChildProcess process) {
		this.process = process;
	}

	/**
	 * Starts Connect with the sink connector {@code name} reading {@code topics} into the
	 * database; the connector's consumer group is {@code connect-<name>}.
	 */
	static ConnectStandalone start(Path peer, Path directory, String bootstrapServers, String name, List<String> topics,
			DatabaseInfo database) {
		try {
			Files.createDirectories(directory);
			Path worker = directory.resolve(name + "-worker.properties");
			Files.writeString(worker, WORKER.formatted(bootstrapServers, directory.resolve(name + ".offsets"),
					peer.resolve("plugins").toAbsolutePath(), KafkaServer.freePort()));
			Path sink = directory.resolve(name + "-sink.properties");
			String password = (database.password() != null) ? "connection.password=" + database.password() : "";
			Files.writeString(sink, SINK.formatted(name, TASKS, String.join(",", topics), database.jdbcUrl(),
					database.username(), password));
			Path logging = directory.resolve("connect-log4j2.properties");
			Files.writeString(logging, LOGGING);
			List<String> command = List.of(ChildProcess.java(), "-Xms1g", "-Xmx1g", "-Duser.timezone=UTC",
					"-Dlog4j2.configurationFile=" + logging.toUri(), "-cp",
					peer.resolve("libs").toAbsolutePath() + "/*", "org.apache.kafka.connect.cli.ConnectStandalone",
					worker.toString(), sink.toString());
			return new ConnectStandalone(
					ChildProcess.start("kafka-connect", command, Map.of(), directory.resolve(name + ".log")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare Kafka Connect in " + directory, ex);
		}
	}

	long pid() {
		return this.process.pid();
	}

	ChildProcess process() {
		return this.process;
	}

	@Override
	public void close() {
		this.process.close();
	}

}

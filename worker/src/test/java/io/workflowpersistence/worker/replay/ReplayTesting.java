package io.workflowpersistence.worker.replay;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.simulator.SimulatorTopics;
import io.workflowpersistence.worker.testing.KafkaTestBroker;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the rebuild and redrive tests share: topics of their own on the shared broker, the
 * worker's settings as command-line arguments, and commands run in this JVM.
 */
final class ReplayTesting {

	static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

	private ReplayTesting() {
	}

	/**
	 * A prefix no other test uses, for topics, groups and database names.
	 */
	static String run(String name) {
		return name + UUID.randomUUID().toString().substring(0, 6);
	}

	static List<String> topics(String run) {
		return SimulatorTopics.ALL.stream().map((topic) -> run + "." + topic).toList();
	}

	/**
	 * The simulator's stream for these settings, on the run's topics.
	 */
	static List<ProducerRecord<byte[], byte[]>> simulated(String run, SimulatorSettings settings) {
		return new EngineSimulator(settings).records()
			.map((record) -> new ProducerRecord<>(run + "." + record.topic(), null, record.key(), record.value(),
					record.headers()))
			.toList();
	}

	static List<String> settings(DatabaseInfo database, String group, List<String> topics) {
		List<String> args = new ArrayList<>();
		args.add("--spring.datasource.url=" + database.jdbcUrl());
		args.add("--spring.datasource.username=" + database.username());
		if (database.password() != null) {
			args.add("--spring.datasource.password=" + database.password());
		}
		args.add("--spring.kafka.bootstrap-servers=" + KAFKA.bootstrapServers());
		args.add("--spring.kafka.consumer.group-id=" + group);
		args.add("--worker.ingest.topics=" + String.join(",", topics));
		return args;
	}

	/**
	 * Runs a command in this JVM, as the jar would, not on a terminal.
	 */
	static Outcome command(List<String> args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code;
		try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			code = ReplayCommands.run(args, outStream, errStream, false);
		}
		return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static List<String> with(List<String> settings, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(settings);
		return all;
	}

	static ConditionFactory eventually() {
		return Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200));
	}

	/**
	 * The records a group's positions cover: on fresh topics, the records it applied.
	 */
	static long applied(DatabaseInfo database, String group) {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT coalesce(sum(NextOffset), 0) FROM ConsumerOffsets WHERE GroupId = ?")
			.param(group)
			.query(Long.class)
			.single();
	}

	/**
	 * What a command printed and its exit code.
	 */
	record Outcome(int code, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.code + "\n--- out\n" + this.out + "\n--- err\n" + this.err;
		}

	}

}

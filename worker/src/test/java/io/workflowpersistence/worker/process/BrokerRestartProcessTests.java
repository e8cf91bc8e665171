package io.workflowpersistence.worker.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.simulator.SimulatorTopics;
import io.workflowpersistence.worker.testing.KafkaBrokerProcess;
import io.workflowpersistence.worker.testing.TableSnapshot;
import io.workflowpersistence.worker.testing.WorkerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract rule 6 (docs/contract.md) with the real jar and a real broker process: in the
 * middle of a stream of about 30,000 events the broker is stopped (SIGTERM) while the
 * engine keeps publishing, and later killed (SIGKILL) while the worker works through a
 * backlog; each time it stays down for seconds and is started again on the same data. The
 * worker keeps running, reports Kafka down meanwhile, resumes by itself and ends with
 * exactly the tables of a run that saw no outage.
 */
class BrokerRestartProcessTests {

	private static final String RUN = "restart" + UUID.randomUUID().toString().substring(0, 6);

	private static final Duration OUTAGE = Duration.ofSeconds(5);

	// The engine publishes about 4,000 events per second, slower than the worker applies
	// them, so each outage falls in the middle of the stream.
	private static final int CHUNK = 200;

	private static final Duration CHUNK_INTERVAL = Duration.ofMillis(50);

	@Test
	void aBrokerStoppedAndKilledInMidStreamLeavesTheTablesOfARunWithoutOutage() throws Exception {
		List<ProducerRecord<byte[], byte[]>> records = new EngineSimulator(
				SimulatorSettings.defaults().withSeed(7).withInstances(1900))
			.records()
			.map((record) -> new ProducerRecord<>(topic(record.topic()), null, record.key(), record.value(),
					record.headers()))
			.toList();
		int total = records.size();
		assertThat(total).as("events in the stream").isGreaterThanOrEqualTo(28_000);
		DatabaseInfo restarted = TestDatabase.server().createDatabase("restarted");
		DatabaseInfo uninterrupted = TestDatabase.server().createDatabase("uninterrupted");
		try (KafkaBrokerProcess broker = new KafkaBrokerProcess(RUN + "-broker").start();
				KafkaProducer<byte[], byte[]> engine = producer(broker)) {
			broker.createTopics(SimulatorTopics.ALL.stream().map(BrokerRestartProcessTests::topic).toList(), 3);
			try (WorkerProcess worker = worker("restarted", broker, restarted)) {
				publishThroughTwoOutages(records, engine, new Subject(broker, worker, restarted, total));
				assertThat(endOffsets(broker)).as("records in the topics").isEqualTo(total);
				try (WorkerProcess reference = worker("uninterrupted", broker, uninterrupted)) {
					reference.start().awaitStarted(Duration.ofMinutes(3));
					awaitApplied(restarted, total);
					awaitApplied(uninterrupted, total);
				}
				assertThat(recordsCounted(worker)).as("records the restarted worker processed").isEqualTo(total);
			}
		}
		assertThat(applied(restarted)).as("the restarted worker's position").isEqualTo(total);
		assertThat(applied(uninterrupted)).as("the uninterrupted worker's position").isEqualTo(total);
		Map<String, List<Map<String, Object>>> expected = TableSnapshot.of(uninterrupted.dataSource());
		assertThat(expected.get("WorkflowInstances")).as("instances").hasSizeGreaterThan(1000);
		assertThat(TableSnapshot.of(restarted.dataSource())).isEqualTo(expected);
	}

	private static void publishThroughTwoOutages(List<ProducerRecord<byte[], byte[]>> records,
			KafkaProducer<byte[], byte[]> engine, Subject subject) throws Exception {
		int total = records.size();
		send(engine, records.subList(0, total / 10));
		subject.worker().start().awaitStarted(Duration.ofMinutes(3));
		awaitApplied(subject.database(), total / 10);
		// The engine keeps publishing through the first outage, its producer retrying.
		CompletableFuture<Void> paced = CompletableFuture
			.runAsync(() -> sendPaced(engine, records.subList(total / 10, total / 2)));
		outage(subject, "SIGTERM", subject.broker()::stop, total * 3L / 10);
		paced.get(2, TimeUnit.MINUTES);
		// The second outage falls in the backlog of a burst: records fetched, not
		// applied; applied, not committed to the broker; sent, not acknowledged.
		List<Future<?>> burst = sendAsync(engine, records.subList(total / 2, total * 85 / 100));
		outage(subject, "SIGKILL", subject.broker()::kill, total * 52L / 100);
		awaitAcknowledged(burst);
		send(engine, records.subList(total * 85 / 100, total));
	}

	/**
	 * Takes the broker down once the database holds at least {@code trigger} records,
	 * keeps it down for {@link #OUTAGE} while the worker keeps running and reports Kafka
	 * down, then starts it again.
	 */
	private static void outage(Subject subject, String how, BrokerAction down, long trigger) throws Exception {
		awaitApplied(subject.database(), trigger);
		long started = System.nanoTime();
		down.run();
		long appliedWhenDown = applied(subject.database());
		assertThat(appliedWhenDown).as("applied when the broker went down (%s)", how).isLessThan(subject.total());
		awaitKafkaHealth(subject.worker(), "DOWN");
		Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - started).toMillis()));
		assertThat(subject.worker().isAlive()).as("the worker runs while the broker is down (%s)", how).isTrue();
		long appliedWhileDown = applied(subject.database());
		subject.broker().start();
		double seconds = (System.nanoTime() - started) / 1e9;
		awaitKafkaHealth(subject.worker(), "UP");
		// Informative only: where in the stream the outage fell.
		System.out.printf("Broker down (%s) at %d of %d records applied, %d when started again after %.1f s%n", how,
				appliedWhenDown, subject.total(), appliedWhileDown, seconds);
	}

	private static void awaitKafkaHealth(WorkerProcess worker, String status) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> status.equals(worker.healthStatus("kafka")));
	}

	private static WorkerProcess worker(String name, KafkaBrokerProcess broker, DatabaseInfo database) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
		environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		environment.put("SPRING_DATASOURCE_PASSWORD", (database.password() != null) ? database.password() : "");
		environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", group(database));
		// The test reads the worker's own counters from /actuator/prometheus.
		environment.put("WORKER_SECURITY_ENABLED", "false");
		environment.put("WORKER_INGEST_TOPICS",
				SimulatorTopics.ALL.stream().map(BrokerRestartProcessTests::topic).collect(Collectors.joining(",")));
		return new WorkerProcess(RUN + "-" + name, environment);
	}

	private static KafkaProducer<byte[], byte[]> producer(KafkaBrokerProcess broker) {
		// One request in flight: retried requests cannot overtake each other around a
		// restart, which even an idempotent producer does not always survive
		// (KAFKA-15591).
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new ByteArraySerializer(),
				new ByteArraySerializer());
	}

	/**
	 * Sends the records and waits until the broker has acknowledged all of them; while
	 * the broker is down the producer retries, as an engine's would.
	 */
	private static void send(KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records) {
		awaitAcknowledged(sendAsync(producer, records));
	}

	private static List<Future<?>> sendAsync(KafkaProducer<byte[], byte[]> producer,
			List<ProducerRecord<byte[], byte[]>> records) {
		List<Future<?>> sent = new ArrayList<>(records.size());
		records.forEach((record) -> sent.add(producer.send(record)));
		return sent;
	}

	private static void awaitAcknowledged(List<Future<?>> sent) {
		try {
			for (Future<?> future : sent) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not send the stream", ex);
		}
	}

	private static void sendPaced(KafkaProducer<byte[], byte[]> producer,
			List<ProducerRecord<byte[], byte[]>> records) {
		for (int from = 0; from < records.size(); from += CHUNK) {
			send(producer, records.subList(from, Math.min(from + CHUNK, records.size())));
			try {
				Thread.sleep(CHUNK_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	// Each record past the database's position is counted once, by its outcome (applied,
	// stale, dead-lettered, tombstone); one applied twice would be counted twice.
	private static long recordsCounted(WorkerProcess worker) throws Exception {
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(worker.url("/actuator/prometheus"))).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return Math.round(metrics.lines()
			.filter((line) -> line.startsWith("workflow_ingest_events_total{")
					|| line.startsWith("workflow_ingest_kafka_tombstones_total"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum());
	}

	// On fresh topics written without transactions, the records they hold.
	private static long endOffsets(KafkaBrokerProcess broker) throws Exception {
		List<String> topics = SimulatorTopics.ALL.stream().map(BrokerRestartProcessTests::topic).toList();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(topics)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.forEach((topic, description) -> description.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(topic, partition.partition()),
							OffsetSpec.latest())));
			return admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong(ListOffsetsResultInfo::offset)
				.sum();
		}
	}

	private static String topic(String defaultTopic) {
		return RUN + "." + defaultTopic;
	}

	private static String group(DatabaseInfo database) {
		return RUN + "-" + database.name();
	}

	private static void awaitApplied(DatabaseInfo database, long records) {
		Awaitility.await()
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> applied(database) >= records);
	}

	// The position the database reflects: on fresh topics, the records applied so far.
	private static long applied(DatabaseInfo database) {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT coalesce(sum(NextOffset), 0) FROM ConsumerOffsets WHERE GroupId = ?")
			.param(group(database))
			.query(Long.class)
			.single();
	}

	/**
	 * The broker, the worker under test, its database and the length of the stream.
	 */
	private record Subject(KafkaBrokerProcess broker, WorkerProcess worker, DatabaseInfo database, long total) {

	}

	@FunctionalInterface
	private interface BrokerAction {

		void run() throws Exception;

	}

}

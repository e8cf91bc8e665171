package io.workflowpersistence.worker.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer threads are counted by whether they hold partitions, through eager and
 * cooperative rebalances and lost partitions, in the gauges and the ingest health.
 */
class IngestConsumersTests {

	private static final TopicPartition INSTANCES_0 = new TopicPartition("workflow.instances", 0);

	private static final TopicPartition INSTANCES_1 = new TopicPartition("workflow.instances", 1);

	private static final TopicPartition ACTIVITIES_0 = new TopicPartition("workflow.activities", 0);

	private static final TopicPartition ACTIVITIES_1 = new TopicPartition("workflow.activities", 1);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final IngestConsumers consumers = new IngestConsumers(this.registry);

	private final CountDownLatch endOfTest = new CountDownLatch(1);

	private final List<Thread> threads = new ArrayList<>();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.log.start();
		logger().addAppender(this.log);
	}

	@AfterEach
	void endThreads() throws InterruptedException {
		logger().detachAppender(this.log);
		this.endOfTest.countDown();
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	@Test
	void eagerRebalanceCountsEachThreadByThePartitionsItEndsWith() {
		Thread first = consumerThread("first");
		Thread second = consumerThread("second");
		Thread third = consumerThread("third");
		this.consumers.assigned(first, 1, List.of(INSTANCES_0, ACTIVITIES_0, INSTANCES_1, ACTIVITIES_1));
		assertThat(gauges()).containsExactly(1.0, 0.0);
		// Eager: every thread gives up all it holds, then receives its whole new share.
		this.consumers.unassigned(first, List.of(INSTANCES_0, ACTIVITIES_0, INSTANCES_1, ACTIVITIES_1));
		this.consumers.assigned(first, 2, List.of(INSTANCES_0, ACTIVITIES_0));
		this.consumers.assigned(second, 2, List.of(INSTANCES_1, ACTIVITIES_1));
		this.consumers.assigned(third, 2, List.of());
		assertThat(gauges()).containsExactly(2.0, 1.0);
		assertThat(this.consumers.threads()).isEqualTo(3);
		assertThat(this.consumers.idle()).isEqualTo(1);
	}

	@Test
	void cooperativeRebalanceKeepsWhatAThreadIsNotAskedToGiveUp() {
		Thread first = consumerThread("first");
		Thread second = consumerThread("second");
		this.consumers.assigned(first, 1, List.of(INSTANCES_0, INSTANCES_1));
		// Cooperative: only what moves is revoked and assigned, and a thread that keeps
		// its
		// share is told of an empty assignment.
		this.consumers.assigned(second, 2, List.of());
		this.consumers.unassigned(first, List.of(INSTANCES_1));
		this.consumers.assigned(first, 2, List.of());
		assertThat(gauges()).containsExactly(1.0, 1.0);
		this.consumers.assigned(second, 3, List.of(INSTANCES_1));
		this.consumers.assigned(first, 3, List.of());
		assertThat(gauges()).containsExactly(2.0, 0.0);
	}

	@Test
	void lostPartitionsLeaveTheThreadIdleUntilItIsAssignedAgain() {
		Thread first = consumerThread("first");
		this.consumers.assigned(first, 1, List.of(INSTANCES_0));
		this.consumers.unassigned(first, List.of(INSTANCES_0));
		assertThat(gauges()).containsExactly(0.0, 1.0);
		this.consumers.assigned(first, 2, List.of(INSTANCES_0));
		assertThat(gauges()).containsExactly(1.0, 0.0);
	}

	@Test
	void aThreadThatEndedIsNoLongerCounted() throws InterruptedException {
		Thread first = consumerThread("first");
		Thread stopped = consumerThread("stopped");
		this.consumers.assigned(first, 1, List.of(INSTANCES_0));
		this.consumers.assigned(stopped, 1, List.of(INSTANCES_1));
		this.consumers.unassigned(stopped, List.of(INSTANCES_1));
		stopped.interrupt();
		stopped.join();
		assertThat(gauges()).containsExactly(1.0, 0.0);
		assertThat(this.consumers.threads()).isEqualTo(1);
	}

	@Test
	void warnsOncePerRebalanceThatLeavesThreadsIdleNamingTheCauseAndTheFix() {
		Thread first = consumerThread("first");
		Thread second = consumerThread("second");
		Thread third = consumerThread("third");
		this.consumers.assigned(first, 4, List.of(INSTANCES_0));
		assertThat(this.log.list).isEmpty();
		this.consumers.assigned(second, 4, List.of());
		this.consumers.assigned(third, 4, List.of());
		assertThat(this.log.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).contains("second", "generation 4", "holds no partitions",
					"fewer partitions than the consumer group has consumer threads", "add partitions",
					"docs/operations/scaling.md");
		});
		this.consumers.unassigned(first, List.of(INSTANCES_0));
		this.consumers.assigned(first, 5, List.of(INSTANCES_0));
		this.consumers.assigned(second, 5, List.of());
		assertThat(this.log.list).hasSize(2);
	}

	@Test
	void healthStaysUpAndSaysHowManyThreadsAreIdleAndWhy() {
		IngestHealth health = new IngestHealth(this.registry, this.consumers);
		Thread first = consumerThread("first");
		Thread second = consumerThread("second");
		this.consumers.assigned(first, 1, List.of(INSTANCES_0, ACTIVITIES_0));
		assertThat(consumerThreads(health.health())).containsExactly(Map.entry("total", 1), Map.entry("idle", 0));
		this.consumers.assigned(second, 2, List.of());
		Health withIdle = health.health();
		assertThat(withIdle.getStatus()).isEqualTo(Status.UP);
		assertThat(consumerThreads(withIdle)).containsEntry("total", 2)
			.containsEntry("idle", 1)
			.hasEntrySatisfying("whyIdle", (why) -> assertThat(why.toString())
				.contains("fewer partitions than the consumer group has consumer threads", "add partitions"));
		health.batchFailed(new IllegalStateException("database unreachable"));
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(consumerThreads(health.health())).containsEntry("idle", 1);
	}

	// The busy gauge, then the idle one.
	private List<Double> gauges() {
		return List.of(gauge("busy"), gauge("idle"));
	}

	private double gauge(String state) {
		return this.registry.get("workflow.ingest.consumers").tag("state", state).gauge().value();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> consumerThreads(Health health) {
		return (Map<String, Object>) health.getDetails().get("consumerThreads");
	}

	// A running thread, as a consumer's is while its container runs.
	private Thread consumerThread(String name) {
		Thread thread = new Thread(() -> {
			try {
				this.endOfTest.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, name);
		thread.start();
		this.threads.add(thread);
		return thread;
	}

	private static Logger logger() {
		return (Logger) LoggerFactory.getLogger(IngestConsumers.class);
	}

}

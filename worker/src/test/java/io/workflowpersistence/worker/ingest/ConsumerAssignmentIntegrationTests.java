package io.workflowpersistence.worker.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.workflowpersistence.worker.testing.KafkaTestBroker;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics are co-partitioned (keyed by instance id, equal partition counts), and each
 * consumer of the worker holds the same partition numbers of every topic: all events of
 * one instance are applied by one consumer, which then never waits on another's locks for
 * them. Together the consumers hold every partition. With fewer partitions than consumer
 * threads, the threads left without partitions show as idle in the metrics and the
 * health.
 */
class ConsumerAssignmentIntegrationTests extends IngestIntegrationTestSupport {

	@Autowired
	ConcurrentMessageListenerContainer<byte[], byte[]> ingestContainer;

	@Autowired
	IngestProperties properties;

	@Test
	void eachConsumerHoldsTheSamePartitionNumbersOfEveryTopicAndTogetherTheyHoldAll() {
		List<String> topics = this.properties.topics();
		List<TopicPartition> all = topics.stream()
			.flatMap((topic) -> IntStream.range(0, KafkaTestBroker.PARTITIONS)
				.mapToObj((partition) -> new TopicPartition(topic, partition)))
			.toList();
		eventually().untilAsserted(() -> {
			Map<String, Collection<TopicPartition>> assignments = this.ingestContainer.getAssignmentsByClientId();
			assertThat(assignments).hasSize(this.ingestContainer.getConcurrency());
			assertThat(assignments.values().stream().flatMap(Collection::stream).toList())
				.containsExactlyInAnyOrderElementsOf(all);
			assertThat(assignments.values()).allSatisfy((held) -> {
				Set<Integer> numbers = held.stream().map(TopicPartition::partition).collect(Collectors.toSet());
				assertThat(held).hasSize(numbers.size() * topics.size());
				for (String topic : topics) {
					Set<Integer> ofTopic = held.stream()
						.filter((partition) -> partition.topic().equals(topic))
						.map(TopicPartition::partition)
						.collect(Collectors.toSet());
					assertThat(ofTopic).as(topic).isEqualTo(numbers);
				}
			});
		});
	}

	@Test
	void threadsWithoutPartitionsShowAsIdleInTheGaugeAndTheHealth() {
		int threads = this.ingestContainer.getConcurrency();
		int idle = threads - KafkaTestBroker.PARTITIONS;
		assertThat(idle).as("consumer threads beyond the partitions of a topic").isPositive();
		eventually().untilAsserted(() -> {
			assertThat(actuator("prometheus").body())
				.contains("workflow_ingest_consumers{state=\"idle\"} " + (double) idle)
				.contains("workflow_ingest_consumers{state=\"busy\"} " + (double) KafkaTestBroker.PARTITIONS);
			JsonNode ingest = JsonMapper.shared().readTree(actuator("health").body()).path("components").path("ingest");
			assertThat(ingest.path("status").asString()).isEqualTo("UP");
			JsonNode consumers = ingest.path("details").path("consumerThreads");
			assertThat(consumers.path("total").asInt()).isEqualTo(threads);
			assertThat(consumers.path("idle").asInt()).isEqualTo(idle);
			assertThat(consumers.path("whyIdle").asString()).contains("fewer partitions");
		});
	}

}

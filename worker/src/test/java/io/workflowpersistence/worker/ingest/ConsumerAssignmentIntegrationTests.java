package io.workflowpersistence.worker.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.workflowpersistence.worker.testing.KafkaTestBroker;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every consumer thread of the worker gets partitions to read, so that more consumers,
 * and more workers, mean more work done in parallel: the topics have fewer partitions
 * each than the worker has consumers, which the range assignor would leave idle.
 */
class ConsumerAssignmentIntegrationTests extends IngestIntegrationTestSupport {

	@Autowired
	ConcurrentMessageListenerContainer<byte[], byte[]> ingestContainer;

	@Autowired
	IngestProperties properties;

	@Test
	void everyConsumerHoldsPartitionsAndTogetherTheyHoldAll() {
		int consumers = this.ingestContainer.getConcurrency();
		assertThat(consumers).isGreaterThan(KafkaTestBroker.PARTITIONS);
		List<TopicPartition> all = this.properties.topics()
			.stream()
			.flatMap((topic) -> IntStream.range(0, KafkaTestBroker.PARTITIONS)
				.mapToObj((partition) -> new TopicPartition(topic, partition)))
			.toList();
		eventually().untilAsserted(() -> {
			Map<String, Collection<TopicPartition>> assignments = this.ingestContainer.getAssignmentsByClientId();
			assertThat(assignments).hasSize(consumers);
			assertThat(assignments.values()).allSatisfy((held) -> assertThat(held).isNotEmpty());
			assertThat(assignments.values().stream().flatMap(Collection::stream).toList())
				.containsExactlyInAnyOrderElementsOf(all);
		});
	}

}

package io.workflowpersistence.worker.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of the topics and their offsets, read through a consumer with the
 * worker's settings (so the end offsets of a read-committed consumer are the last stable
 * ones).
 */
final class TopicOffsets implements AutoCloseable {

	static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
		.thenComparingInt(TopicPartition::partition);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Consumer<byte[], byte[]> consumer;

	TopicOffsets(Consumer<byte[], byte[]> consumer) {
		this.consumer = consumer;
	}

	/**
	 * The partitions of the topics, in topic and partition order; topics that do not
	 * exist have none.
	 */
	List<TopicPartition> partitions(List<String> topics) {
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : topics) {
			List<PartitionInfo> infos = this.consumer.partitionsFor(topic, TIMEOUT);
			if (infos != null) {
				infos.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			}
		}
		partitions.sort(ORDER);
		return partitions;
	}

	Map<TopicPartition, Long> earliest(List<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		assign(partitions);
		return new HashMap<>(this.consumer.beginningOffsets(partitions, TIMEOUT));
	}

	Map<TopicPartition, Long> ends(List<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		assign(partitions);
		return new HashMap<>(this.consumer.endOffsets(partitions, TIMEOUT));
	}

	// A read-committed consumer keeps the last stable offsets of its own partitions only,
	// and warns about any other it lists the offsets of.
	private void assign(List<TopicPartition> partitions) {
		if (!this.consumer.assignment().containsAll(partitions)) {
			Set<TopicPartition> assigned = new HashSet<>(this.consumer.assignment());
			assigned.addAll(partitions);
			this.consumer.assign(assigned);
		}
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(5));
	}

}

package io.workflowpersistence.bench;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * A consumer group's assignment as the broker describes it (Kafka's
 * {@code describeConsumerGroups}): which assignor it chose and the partitions each
 * member, one consumer thread of a worker, holds.
 *
 * @param assignor the partition assignor the group uses
 * @param members the partitions of each member, as {@code topic-partition}, sorted
 */
record GroupAssignment(String assignor, List<List<String>> members) {

	static GroupAssignment describe(Admin admin, String group) {
		try {
			ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
				.describedGroups()
				.get(group)
				.get(30, TimeUnit.SECONDS);
			List<List<String>> members = description.members()
				.stream()
				.map((member) -> member.assignment().topicPartitions().stream().map(Object::toString).sorted().toList())
				.toList();
			return new GroupAssignment(description.partitionAssignor(), members);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot describe the consumer group " + group, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The partitions of the members a worker runs, found by the partitions it reports
	 * itself: the broker knows members by client id, which every worker of a group
	 * shares.
	 * @param reported partitions the worker says it holds, a subset of its members' ones
	 */
	List<String> heldBy(Collection<String> reported) {
		return this.members.stream()
			.filter((member) -> member.stream().anyMatch(reported::contains))
			.flatMap(List::stream)
			.sorted()
			.toList();
	}

	/**
	 * The members holding at least one partition.
	 */
	long busyMembers() {
		return this.members.stream().filter((member) -> !member.isEmpty()).count();
	}

	/**
	 * The partitions each member holds, most first.
	 */
	List<Integer> partitionsPerMember() {
		return this.members.stream().map(List::size).sorted(Comparator.reverseOrder()).toList();
	}

}

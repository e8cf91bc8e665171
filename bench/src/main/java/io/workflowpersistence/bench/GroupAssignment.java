package io.workflowpersistence.bench;

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
 * @param members each member's client id and partitions
 */
record GroupAssignment(String assignor, List<Member> members) {

	static GroupAssignment describe(Admin admin, String group) {
		try {
			ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
				.describedGroups()
				.get(group)
				.get(30, TimeUnit.SECONDS);
			List<Member> members = description.members()
				.stream()
				.map((member) -> new Member(member.clientId(),
						member.assignment().topicPartitions().stream().map(Object::toString).sorted().toList()))
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
	 * The partitions of the members a worker runs: those whose client id is the worker's,
	 * or the worker's followed by the consumer thread's number ({@code worker-1-0},
	 * {@code worker-1-1}…).
	 * @param clientId the consumer client id the worker was started with
	 */
	List<String> heldBy(String clientId) {
		return this.members.stream()
			.filter((member) -> member.clientId().equals(clientId) || member.clientId().startsWith(clientId + "-"))
			.flatMap((member) -> member.partitions().stream())
			.sorted()
			.toList();
	}

	/**
	 * The members holding at least one partition.
	 */
	long busyMembers() {
		return this.members.stream().filter((member) -> !member.partitions().isEmpty()).count();
	}

	/**
	 * The partitions each member holds, most first.
	 */
	List<Integer> partitionsPerMember() {
		return this.members.stream()
			.map((member) -> member.partitions().size())
			.sorted(Comparator.reverseOrder())
			.toList();
	}

	/**
	 * One member of the group.
	 *
	 * @param clientId the consumer's client id
	 * @param partitions its partitions, as {@code topic-partition}, sorted
	 */
	record Member(String clientId, List<String> partitions) {
	}

}

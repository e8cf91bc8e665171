package io.workflowpersistence.worker.topics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicRetentionTests {

	@Test
	void onlyUnlimitedRetentionWithTheDeletePolicyKeepsEveryRecord() {
		assertThat(new TopicRetention("t", true, -1, -1, "delete").canLoseRecords()).isFalse();
		assertThat(new TopicRetention("t", true, 3_600_000, -1, "delete").reasons())
			.containsExactly("retention.ms=3600000 removes records older than 1h");
		assertThat(new TopicRetention("t", true, -1, 1024, "delete").reasons())
			.containsExactly("retention.bytes=1024 removes the oldest records of a larger partition");
		assertThat(new TopicRetention("t", true, -1, -1, "compact,delete").reasons())
			.containsExactly("cleanup.policy=compact,delete keeps only the newest record of each key");
		assertThat(new TopicRetention("t", true, 604_800_000, -1, "compact").reasons()).hasSize(2);
	}

	@Test
	void aMissingTopicIsNotSaidToLoseRecords() {
		TopicRetention missing = TopicRetention.missing("t");

		assertThat(missing.canLoseRecords()).isFalse();
		assertThat(missing.details()).containsEntry("exists", false).doesNotContainKey("keepsEveryRecord");
	}

}

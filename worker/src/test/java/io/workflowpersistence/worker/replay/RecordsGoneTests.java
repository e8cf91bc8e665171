package io.workflowpersistence.worker.replay;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordsGoneTests {

	private static final TopicPartition A0 = new TopicPartition("a", 0);

	private static final TopicPartition A1 = new TopicPartition("a", 1);

	private static final TopicPartition B0 = new TopicPartition("b", 0);

	@Test
	void aPartitionWhoseLogStartsPastWhereReadingStartsLostTheOffsetsBetween() {
		RecordsGone gone = RecordsGone.find(List.of(A0, A1, B0), Map.of(A0, 0L, A1, 40L, B0, 10L), Map.of(B0, 4L));

		assertThat(gone.none()).isFalse();
		assertThat(gone.gaps()).containsOnlyKeys(A1, B0);
		assertThat(gone.offsets()).isEqualTo(46);
		assertThat(gone.describe()).containsExactly("  a-1: 40 offsets gone (reading starts at 0, the log at 40)",
				"  b-0: 6 offsets gone (reading starts at 4, the log at 10)");
		assertThat(gone.refusal()).startsWith("Records are gone from the topics: 46 offsets of 2 partitions")
			.contains("a-1: 40 offsets gone")
			.endsWith("or add --allow-incomplete to rebuild from what is left.");
	}

	@Test
	void nothingIsGoneWhereReadingStartsAtOrPastTheLogStart() {
		RecordsGone gone = RecordsGone.find(List.of(A0, A1), Map.of(A0, 0L, A1, 40L), Map.of(A1, 40L));

		assertThat(gone.none()).isTrue();
		assertThat(gone.offsets()).isZero();
		assertThat(RecordsGone.find(List.of(A0), Map.of(A0, 40L), Map.of(A0, 55L)).none()).isTrue();
	}

}

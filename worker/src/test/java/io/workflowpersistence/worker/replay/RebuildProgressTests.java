package io.workflowpersistence.worker.replay;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildProgressTests {

	@Test
	void countsRecordsDoneOfTotalPerTopic() {
		RebuildProgress progress = new RebuildProgress();
		progress.track(new TopicPartition("workflow.instances", 0), 0, 0);
		progress.track(new TopicPartition("workflow.instances", 1), 100, 100);
		progress.track(new TopicPartition("workflow.activities", 0), 0, 0);
		progress.extend(new TopicPartition("workflow.instances", 0), 1000);
		progress.extend(new TopicPartition("workflow.instances", 1), 1100);
		progress.extend(new TopicPartition("workflow.activities", 0), 2000);

		progress.moved(new TopicPartition("workflow.instances", 0), 500);
		progress.moved(new TopicPartition("workflow.instances", 1), 1100);
		progress.moved(new TopicPartition("workflow.activities", 0), 3000);

		assertThat(progress.done()).isEqualTo(3500);
		assertThat(progress.total()).isEqualTo(4000);
		assertThat(progress.logLine()).startsWith("Rebuild: 3,500 of 4,000 records (87%), ")
			.contains("workflow.activities 2,000/2,000, workflow.instances 1,500/2,000");
		assertThat(progress.terminalLine()).startsWith("87% 3,500/4,000 records")
			.contains("| activities 100%  instances 75%");
	}

	@Test
	void nothingToReadIsDone() {
		RebuildProgress progress = new RebuildProgress();

		assertThat(progress.logLine()).startsWith("Rebuild: 0 of 0 records (100%)").contains("ETA 0s");
	}

	@Test
	void theTimeLeftIsUnknownBeforeAnyRecordIsRead() {
		RebuildProgress progress = new RebuildProgress();
		progress.track(new TopicPartition("workflow.instances", 0), 0, 10);

		assertThat(progress.logLine()).contains("ETA unknown");
	}

}

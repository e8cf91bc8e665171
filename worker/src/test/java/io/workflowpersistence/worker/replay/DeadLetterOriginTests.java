package io.workflowpersistence.worker.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterOriginTests {

	@Test
	void readsTheLastOriginalHeadersAsSpringKafkaWritesThem() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("kafka_dlt-original-topic", "first".getBytes(StandardCharsets.UTF_8));
		headers.add("kafka_dlt-original-topic", "workflow.instances".getBytes(StandardCharsets.UTF_8));
		headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(2).array());
		headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(12345L).array());
		headers.add("kafka_dlt-exception-message", "not JSON".getBytes(StandardCharsets.UTF_8));

		assertThat(DeadLetterOrigin.of(headers)).contains(new DeadLetterOrigin("workflow.instances", 2, 12345));
		assertThat(DeadLetterOrigin.reason(headers)).isEqualTo("not JSON");
	}

	@Test
	void readsNumbersWrittenAsText() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("kafka_dlt-original-topic", "t".getBytes(StandardCharsets.UTF_8));
		headers.add("kafka_dlt-original-partition", "1".getBytes(StandardCharsets.UTF_8));
		headers.add("kafka_dlt-original-offset", "42".getBytes(StandardCharsets.UTF_8));

		assertThat(DeadLetterOrigin.of(headers)).contains(new DeadLetterOrigin("t", 1, 42));
	}

	@Test
	void aRecordWithoutTheHeadersHasNoOrigin() {
		assertThat(DeadLetterOrigin.of(new RecordHeaders())).isEmpty();
		assertThat(DeadLetterOrigin.reason(new RecordHeaders())).isEqualTo("no reason recorded");
	}

}

package io.workflowpersistence.worker.ingest;

import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.worker.testing.Events;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract rule 6 (docs/contract.md): during a PostgreSQL outage the worker stops
 * consuming, reports itself unhealthy, and resumes by itself when the database returns,
 * losing nothing.
 */
class DatabaseOutageIntegrationTests extends IngestIntegrationTestSupport {

	@Test
	void anOutageInMidStreamLosesNothingAndHealthFollowsIt() throws Exception {
		String run = unique("outage");
		publish(batch(run, 0, 500));
		eventually().until(() -> count("SELECT count(*) FROM WorkflowInstances WHERE Id LIKE ?", run + "-%") == 500);
		assertThat(healthStatus()).isEqualTo(200);

		setConnectionsAllowed(false);
		try {
			publish(batch(run, 500, 1500));
			eventually().until(() -> healthStatus() == 503);
			assertThat(healthBody()).contains("\"ingest\"").contains("DOWN");
		}
		finally {
			setConnectionsAllowed(true);
		}

		eventually().until(() -> healthStatus() == 200);
		eventually().until(() -> count("SELECT count(*) FROM WorkflowInstances WHERE Id LIKE ?", run + "-%") == 1500);
		assertThat(count("SELECT count(*) FROM WorkflowInstances WHERE Id LIKE ? AND EventVersion = 2", run + "-%"))
			.isEqualTo(1500);
	}

	// Each instance twice, version 1 then 2: the final version proves the order held.
	private static List<ProducerRecord<byte[], byte[]>> batch(String run, int from, int to) {
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
		for (int i = from; i < to; i++) {
			records.add(Events.instance(run + "-" + i).version(1).record());
			records.add(Events.instance(run + "-" + i).with("status", "Finished").version(2).record());
		}
		return records;
	}

	private int healthStatus() throws Exception {
		return actuator("health").statusCode();
	}

	private String healthBody() throws Exception {
		return actuator("health").body();
	}

}

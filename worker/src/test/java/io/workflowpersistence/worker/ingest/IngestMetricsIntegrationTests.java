package io.workflowpersistence.worker.ingest;

import io.workflowpersistence.worker.testing.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingestion metrics are exposed at {@code /actuator/prometheus}: events by type and
 * outcome, batch size and apply time, and the consumer's lag.
 */
class IngestMetricsIntegrationTests extends IngestIntegrationTestSupport {

	@Test
	void prometheusShowsEventsByOutcomeBatchesAndLag() throws Exception {
		String id = unique("wi");
		Events event = Events.instance(id).version(1);
		publish(event, event, Events.instance(id).version(0));
		awaitInstance(id);
		eventually().untilAsserted(() -> assertThat(prometheus())
			.contains("workflow_ingest_events_total{outcome=\"applied\",type=\"workflow.instance\"}")
			.contains("workflow_ingest_events_total{outcome=\"stale\",type=\"workflow.instance\"}")
			.contains("workflow_ingest_batch_size_count")
			.contains("workflow_ingest_batch_apply_seconds_count")
			.contains("kafka_consumer_fetch_manager_records_lag"));
	}

	private String prometheus() throws Exception {
		return actuator("prometheus").body();
	}

}

package io.workflowpersistence.worker.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.workflowpersistence.worker.testing.Events;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingestion metrics are exposed at {@code /actuator/prometheus}: events by type and
 * outcome, batch size and apply time, and the consumer's lag.
 */
class IngestMetricsIntegrationTests extends IngestIntegrationTestSupport {

	@Autowired
	Environment environment;

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
		String port = this.environment.getProperty("local.server.port");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}

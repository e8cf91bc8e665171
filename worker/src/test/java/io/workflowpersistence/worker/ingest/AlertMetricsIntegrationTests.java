package io.workflowpersistence.worker.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.workflowpersistence.worker.testing.Events;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the shipped alert rules ({@code docker/prometheus/alerts.yml}) read is
 * exported by a running worker, with the labels the rules group by; a renamed metric
 * fails here rather than leaving an alert that can never fire.
 */
class AlertMetricsIntegrationTests extends IngestIntegrationTestSupport {

	private static final Path ALERTS = Path.of("").toAbsolutePath().getParent().resolve("docker/prometheus/alerts.yml");

	// The worker's own metrics and the Kafka client's; up is Prometheus' own.
	private static final Pattern METRIC = Pattern.compile("\\b(?:workflow|kafka)_[a-z0-9_]+\\b");

	@Test
	void everyMetricTheAlertsReadIsExported() throws Exception {
		String id = unique("alerted");
		publish(List.of(new ProducerRecord<>("workflow.instances", id.getBytes(StandardCharsets.UTF_8),
				"not an event".getBytes(StandardCharsets.UTF_8))));
		publish(Events.instance(id).version(1));
		awaitInstance(id);
		Set<String> used = metricsUsedByTheAlerts();
		assertThat(used).contains("workflow_ingest_up", "workflow_ingest_batch_failures_total",
				"workflow_ingest_freshness_seconds", "workflow_ingest_events_total",
				"kafka_consumer_fetch_manager_records_lag");
		eventually().untilAsserted(() -> {
			Set<String> exported = exportedSeries();
			assertThat(used).allSatisfy((metric) -> assertThat(exported)
				.anySatisfy((series) -> assertThat(series).startsWith(metric + "{")));
			assertThat(exported).anySatisfy((series) -> assertThat(series)
				.startsWith("workflow_ingest_events_total{outcome=\"dead_lettered\",type="));
			assertThat(exported).anySatisfy((series) -> assertThat(series)
				.matches("workflow_ingest_freshness_seconds\\{partition=\"\\d+\",topic=\"workflow.instances\"}"));
			assertThat(exported).anySatisfy((series) -> assertThat(series).matches(
					"kafka_consumer_fetch_manager_records_lag\\{.*partition=\"\\d+\".*topic=\"workflow.instances\".*"));
		});
	}

	private static Set<String> metricsUsedByTheAlerts() throws Exception {
		Set<String> names = new TreeSet<>();
		for (String line : Files.readAllLines(ALERTS)) {
			if (!line.strip().startsWith("#") && !line.contains("summary:") && !line.contains("description:")) {
				Matcher matcher = METRIC.matcher(line);
				while (matcher.find()) {
					names.add(matcher.group());
				}
			}
		}
		return names;
	}

	// The series of the exposition: each sample's name and labels, without its value.
	private Set<String> exportedSeries() throws Exception {
		String body = actuator("prometheus").body();
		Set<String> series = new TreeSet<>();
		body.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.substring(0, line.lastIndexOf(' ')))
			.map((sample) -> sample.contains("{") ? sample : sample + "{}")
			.forEach(series::add);
		return series;
	}

}

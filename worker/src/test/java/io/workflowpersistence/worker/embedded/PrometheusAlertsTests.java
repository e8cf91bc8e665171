package io.workflowpersistence.worker.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Prometheus files of {@code docker/prometheus/}, checked by Prometheus' own
 * {@code promtool}: the alert rules parse, each alert fires on the synthetic series of
 * {@code alerts-test.yml} that should fire it and stays quiet on the others, and the
 * configuration compose mounts is valid. On CI ({@code CI=true}) a missing promtool fails
 * the build; elsewhere these tests are skipped without it.
 */
class PrometheusAlertsTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Path PROMETHEUS = ROOT.resolve("docker/prometheus");

	@Test
	void theAlertRulesAreValid() {
		assertThat(promtool(PROMETHEUS, "check", "rules", "alerts.yml")).contains("SUCCESS: 7 rules found");
	}

	@Test
	void eachAlertFiresOnTheSeriesThatShouldFireItAndOnNoOthers() {
		assertThat(promtool(PROMETHEUS, "test", "rules", "alerts-test.yml")).contains("SUCCESS");
	}

	@Test
	void theConfigurationComposeMountsIsValid(@TempDir Path copy) throws IOException {
		Map<String, Object> config = yaml(PROMETHEUS.resolve("prometheus.yml"));
		Map<String, Object> scrape = only(list(config.get("scrape_configs")));
		// The workers' API key header (worker.security.api-key-header, by default).
		assertThat(map(scrape.get("http_headers"))).containsOnlyKeys("X-API-Key");
		Path checked = PROMETHEUS;
		if (!promtool(PROMETHEUS, "--version").matches("(?s)promtool, version [3-9].*")) {
			// promtool 2.x (Debian 12 ships 2.42) does not know http_headers, which the
			// Prometheus 3 of compose reads; everything else is checked as written.
			scrape.remove("http_headers");
			try (Writer writer = Files.newBufferedWriter(copy.resolve("prometheus.yml"))) {
				new Yaml().dump(config, writer);
			}
			Files.copy(PROMETHEUS.resolve("alerts.yml"), copy.resolve("alerts.yml"));
			checked = copy;
		}
		assertThat(promtool(checked, "check", "config", "prometheus.yml")).contains("SUCCESS");
	}

	@Test
	void prometheusScrapesBothComposeWorkersWithTheseFiles() throws IOException {
		Map<String, Object> scrape = only(list(yaml(PROMETHEUS.resolve("prometheus.yml")).get("scrape_configs")));
		Map<String, Object> services = map(yaml(ROOT.resolve("docker-compose.yml")).get("services"));
		assertThat(scrape.get("job_name")).isEqualTo("workflow-worker");
		assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
		List<String> targets = new ArrayList<>();
		list(scrape.get("static_configs")).forEach((group) -> targets.addAll(strings(map(group).get("targets"))));
		String workerPort = (String) map(map(services.get("worker-1")).get("environment")).get("SERVER_PORT");
		assertThat(targets).containsExactly("worker-1:" + workerPort, "worker-2:" + workerPort);
		assertThat(services).containsKeys("worker-1", "worker-2");
		List<String> volumes = strings(map(services.get("prometheus")).get("volumes"));
		assertThat(volumes).contains("./docker/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
				"./docker/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
		String keyFile = strings(map(map(scrape.get("http_headers")).get("X-API-Key")).get("files")).get(0);
		assertThat(volumes).anySatisfy((volume) -> assertThat(volume).endsWith(":" + keyFile + ":ro"));
		// A header value cannot hold a line break.
		assertThat(Files.readString(PROMETHEUS.resolve("worker-api-key"))).doesNotContain("\n").isNotBlank();
	}

	private static String promtool(Path directory, String... arguments) {
		Path promtool = Stream.of(System.getenv("PATH").split(":"))
			.map((folder) -> Path.of(folder, "promtool"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		if (promtool == null) {
			if ("true".equals(System.getenv("CI"))) {
				fail("promtool is missing; .ci/run installs it (apt-get install prometheus)");
			}
			assumeTrue(false, "promtool is not installed (apt-get install -y --no-install-recommends prometheus)");
		}
		List<String> command = new ArrayList<>(List.of(promtool.toString()));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("%s%n%s", command, output).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (List<Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (List<String>) value;
	}

	private static Map<String, Object> only(List<Object> values) {
		assertThat(values).hasSize(1);
		return map(values.get(0));
	}

}

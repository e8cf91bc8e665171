package io.workflowpersistence.worker.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker compose up --build} itself, where a Docker engine answers (skipped
 * otherwise; {@link ComposePathProcessTests} does the same steps without Docker): both
 * workers become healthy and serve the simulator's events with the API key the file
 * documents.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerComposeIntegrationTests {

	private static final List<String> WORKERS = List.of("worker-1", "worker-2");

	private static final int WORKER_PORT = 8080;

	@Container
	static final ComposeContainer COMPOSE = compose();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void bothWorkersIngestTheSimulatorsEventsAndServeThemWithTheDocumentedKey() throws Exception {
		String key = ComposeFile.read().documentedApiKey();
		for (String worker : WORKERS) {
			String url = "http://" + COMPOSE.getServiceHost(worker, WORKER_PORT) + ":"
					+ COMPOSE.getServicePort(worker, WORKER_PORT) + "/api/v1/instances?limit=5";
			Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				HttpResponse<String> response = get(url, key);
				assertThat(response.statusCode()).as(worker).isEqualTo(200);
				assertThat(response.body()).as(worker).contains("\"definitionId\"");
			});
			assertThat(get(url, null).statusCode()).as("%s without the key", worker).isEqualTo(401);
		}
	}

	private HttpResponse<String> get(String url, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (key != null) {
			request.header("X-API-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ComposeContainer compose() {
		ComposeContainer compose = new ComposeContainer(ComposeFile.ROOT.resolve("docker-compose.yml").toFile())
			.withBuild(true)
			.withRemoveVolumes(true);
		for (String worker : WORKERS) {
			compose = compose.withExposedService(worker, WORKER_PORT,
					Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(15)));
		}
		return compose;
	}

}

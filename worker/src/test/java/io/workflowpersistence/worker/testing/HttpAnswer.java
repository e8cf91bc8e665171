package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP answer as a test sees it, and the requests that get one.
 *
 * @param status the status
 * @param headers the headers
 * @param body the body
 */
public record HttpAnswer(int status, java.net.http.HttpHeaders headers, String body) {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Sends a request.
	 * @param request the request
	 * @return the answer
	 */
	public static HttpAnswer send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new HttpAnswer(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed: " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + request.uri(), ex);
		}
	}

	/**
	 * A GET request.
	 * @param url the URL
	 * @param headers header names and values, alternating
	 * @return the request
	 */
	public static HttpRequest get(String url, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder.build();
	}

	/**
	 * The body as JSON.
	 * @return the parsed body
	 */
	public JsonNode json() {
		return JsonMapper.shared().readTree(this.body);
	}

	/**
	 * Asserts a problem answer of the given status.
	 * @param expectedStatus the status
	 * @return the problem
	 */
	public JsonNode problem(int expectedStatus) {
		assertThat(this.status).as("status of %s", this.body).isEqualTo(expectedStatus);
		assertThat(this.headers.firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		JsonNode problem = json();
		assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		return problem;
	}

}

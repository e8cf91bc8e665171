package io.workflowpersistence.worker.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.worker.testing.DatabaseUsers;
import io.workflowpersistence.worker.testing.WorkerConnections;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker application on a random port over a migrated database of its own, shared by
 * every read API test class (one Spring context, one database). Each class loads its rows
 * once, after {@link #clearTables()}; classes run one after another. The worker connects
 * as the DML-only user of {@code db/README.md}, the API as its read-only user.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "worker.ingest.enabled=false", "spring.kafka.listener.auto-startup=false",
				"worker.security.enabled=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiIntegrationTestSupport {

	private static final DatabaseUsers USERS = DatabaseUsers.create("read_api");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.shared();

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		WorkerConnections.users(registry, USERS);
	}

	/**
	 * Empties every table the read API reads, as the worker's user may.
	 */
	protected void clearTables() {
		for (String table : List.of("WorkflowInstances", "ActivityExecutionRecords", "Bookmarks", "Triggers",
				"WorkflowDefinitions", "WorkflowTags", "WorkflowCategories", "CustomActivityDefinitions")) {
			this.jdbc.execute("DELETE FROM " + table);
		}
	}

	/**
	 * Sends a GET request.
	 * @param path the path, without a query
	 * @param query parameter names and values, alternating; each encoded
	 * @return the answer
	 */
	protected ApiResponse get(String path, String... query) {
		return send(HttpRequest.newBuilder(uri(path, query)).GET().build());
	}

	/**
	 * Sends a POST request with a JSON body.
	 * @param path the path
	 * @param json the body, or {@code null} for none
	 * @return the answer
	 */
	protected ApiResponse post(String path, String json) {
		HttpRequest.BodyPublisher body = (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody();
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(body).build());
	}

	/**
	 * Reads every page of a list, following nextCursor.
	 * @param path the path of the list
	 * @param query parameter names and values, alternating, without the cursor
	 * @return the items of all pages, in order
	 */
	protected List<JsonNode> allPages(String path, String... query) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		do {
			List<String> parameters = new ArrayList<>(List.of(query));
			if (cursor != null) {
				parameters.addAll(List.of("cursor", cursor));
			}
			JsonNode page = get(path, parameters.toArray(String[]::new)).ok();
			page.get("items").forEach(items::add);
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		return items;
	}

	/**
	 * The ids of a list of items.
	 * @param items the items
	 * @return the value of each item's {@code id}
	 */
	protected static List<String> ids(Iterable<JsonNode> items) {
		List<String> ids = new ArrayList<>();
		items.forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private URI uri(String path, String... query) {
		StringBuilder uri = new StringBuilder("http://localhost:").append(this.port).append(path);
		for (int i = 0; i < query.length; i += 2) {
			uri.append((i == 0) ? '?' : '&')
				.append(URLEncoder.encode(query[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
		}
		return URI.create(uri.toString());
	}

	private static ApiResponse send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			boolean json = contentType.contains("json") && !response.body().isEmpty();
			JsonNode body = json ? JSON.readTree(response.body()) : null;
			return new ApiResponse(response.statusCode(), contentType, body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed: " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + request.uri(), ex);
		}
	}

}

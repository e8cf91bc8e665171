package io.workflowpersistence.worker.api;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer of the read API, as a test sees it.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header
 * @param body the JSON body, or {@code null} when empty
 */
public record ApiResponse(int status, String contentType, JsonNode body) {

	/**
	 * Asserts a 200 JSON answer.
	 * @return its body
	 */
	public JsonNode ok() {
		assertThat(this.status).as("status of %s", this.body).isEqualTo(200);
		assertThat(this.contentType).startsWith("application/json");
		return this.body;
	}

	/**
	 * Asserts a problem answer of the given status.
	 * @param expectedStatus the status
	 * @return the problem
	 */
	public JsonNode problem(int expectedStatus) {
		assertThat(this.status).as("status of %s", this.body).isEqualTo(expectedStatus);
		assertThat(this.contentType).startsWith("application/problem+json");
		assertThat(this.body.get("status").asInt()).isEqualTo(expectedStatus);
		return this.body;
	}

	/**
	 * Asserts a 400 problem and returns the names of the parameters it refuses.
	 * @return the name of each member of {@code invalidParams}
	 */
	public List<String> invalidParams() {
		JsonNode problem = problem(400);
		List<String> names = new ArrayList<>();
		problem.get("invalidParams").forEach((param) -> {
			assertThat(param.get("reason").asString()).isNotBlank();
			names.add(param.get("name").asString());
		});
		return names;
	}

	/**
	 * The ids of the items of a 200 page.
	 * @return the id of each item, in order
	 */
	public List<String> itemIds() {
		List<String> ids = new ArrayList<>();
		ok().get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

}

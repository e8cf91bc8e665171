package io.workflowpersistence.worker.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document states the page limits the API is configured with, for every list
 * and for the search body alike.
 */
@TestPropertySource(properties = { "worker.api.max-limit=250", "worker.api.default-limit=20" })
class PageLimitDocsIntegrationTests extends ApiIntegrationTestSupport {

	@Test
	void everyLimitIsDocumentedWithTheConfiguredRangeAndDefault() {
		List<JsonNode> limits = limitSchemas(get("/v3/api-docs").ok());

		assertThat(limits).hasSizeGreaterThanOrEqualTo(8);
		assertThat(limits).allSatisfy((limit) -> {
			assertThat(limit.get("minimum").asInt()).isEqualTo(1);
			assertThat(limit.get("maximum").asInt()).isEqualTo(250);
			assertThat(limit.get("default").asInt()).isEqualTo(20);
		});
	}

	@Test
	void theConfiguredMaximumIsTheOneRequestsAreHeldTo() {
		assertThat(get("/api/v1/triggers", "limit", "250").status()).isEqualTo(200);
		assertThat(get("/api/v1/triggers", "limit", "251").status()).isEqualTo(400);
	}

	/**
	 * The schema of every {@code limit} query parameter and of every {@code limit}
	 * property of a request body in the document.
	 */
	static List<JsonNode> limitSchemas(JsonNode document) {
		List<JsonNode> limits = new ArrayList<>();
		document.get("paths").forEach((path) -> path.forEach((operation) -> {
			JsonNode parameters = operation.get("parameters");
			if (parameters != null) {
				parameters.forEach((parameter) -> {
					if (parameter.get("name").asString().equals("limit")) {
						limits.add(parameter.get("schema"));
					}
				});
			}
		}));
		document.get("components").get("schemas").forEach((schema) -> {
			JsonNode properties = schema.get("properties");
			if (properties != null && properties.has("limit")) {
				limits.add(properties.get("limit"));
			}
		});
		return limits;
	}

}

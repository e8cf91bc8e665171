package io.workflowpersistence.worker.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every endpoint of the read API and every parameter.
 */
class OpenApiIntegrationTests extends ApiIntegrationTestSupport {

	private static final String[] INSTANCE_LIST_PARAMETERS = { "status", "subStatus", "definitionId", "correlationId",
			"name", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "sort", "order", "limit", "cursor",
			"count" };

	@Test
	void documentsEveryEndpoint() {
		JsonNode paths = get("/v3/api-docs").ok().get("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/instances", "/api/v1/instances/search",
				"/api/v1/instances/{id}", "/api/v1/instances/{id}/activities", "/api/v1/instances/{id}/bookmarks",
				"/api/v1/bookmarks", "/api/v1/triggers", "/api/v1/definitions", "/api/v1/definitions/{id}",
				"/api/v1/categories", "/api/v1/activity-definitions", "/api/v1/stats/instances");
	}

	@Test
	void describesEveryParameter() {
		JsonNode paths = get("/v3/api-docs").ok().get("paths");
		List<String> undescribed = new ArrayList<>();
		List<String> described = new ArrayList<>();
		paths.propertyStream().forEach((path) -> path.getValue().propertyStream().forEach((operation) -> {
			JsonNode parameters = operation.getValue().get("parameters");
			if (parameters != null) {
				parameters.forEach((parameter) -> {
					String name = path.getKey() + " " + parameter.get("name").asString();
					JsonNode description = parameter.get("description");
					(description != null && !description.asString().isBlank() ? described : undescribed).add(name);
				});
			}
		}));
		assertThat(undescribed).isEmpty();
		assertThat(described).contains("/api/v1/instances status", "/api/v1/instances createdFrom",
				"/api/v1/instances cursor", "/api/v1/instances/{id} id", "/api/v1/definitions tag",
				"/api/v1/stats/instances definitionId");
	}

	@Test
	void documentsTheInstanceListParametersFlat() {
		JsonNode list = get("/v3/api-docs").ok().get("paths").get("/api/v1/instances").get("get");
		List<String> names = new ArrayList<>();
		list.get("parameters").forEach((parameter) -> names.add(parameter.get("name").asString()));
		assertThat(names).containsExactlyInAnyOrder(INSTANCE_LIST_PARAMETERS);
	}

	@Test
	void documentsTheSearchBody() {
		JsonNode docs = get("/v3/api-docs").ok();
		JsonNode search = docs.get("paths").get("/api/v1/instances/search").get("post");
		assertThat(search.get("requestBody")).isNotNull();
		String reference = search.get("requestBody")
			.get("content")
			.get("application/json")
			.get("schema")
			.get("$ref")
			.asString();
		JsonNode body = docs.get("components").get("schemas").get(reference.substring(reference.lastIndexOf('/') + 1));
		assertThat(body.get("properties").propertyNames()).containsExactlyInAnyOrder(INSTANCE_LIST_PARAMETERS);
	}

	@Test
	void describesHowToAuthenticate() {
		JsonNode document = get("/v3/api-docs").ok();
		JsonNode schemes = document.get("components").get("securitySchemes");
		assertThat(schemes.get("apiKey").get("in").asString()).isEqualTo("header");
		assertThat(schemes.get("apiKey").get("name").asString()).isEqualTo("X-API-Key");
		assertThat(schemes.get("bearerToken").get("scheme").asString()).isEqualTo("bearer");
		assertThat(document.get("security")).hasSize(2);
		JsonNode responses = document.get("paths").get("/api/v1/instances").get("get").get("responses");
		assertThat(responses.propertyNames()).contains("200", "400", "401", "403", "503");
	}

	@Test
	void documentsThePageLimitsOfTheDefaultSettings() {
		List<JsonNode> limits = PageLimitDocsIntegrationTests.limitSchemas(get("/v3/api-docs").ok());

		assertThat(limits).hasSizeGreaterThanOrEqualTo(8);
		assertThat(limits).allSatisfy((limit) -> {
			assertThat(limit.get("minimum").asInt()).isEqualTo(1);
			assertThat(limit.get("maximum").asInt()).isEqualTo(1000);
			assertThat(limit.get("default").asInt()).isEqualTo(50);
		});
	}

	@Test
	void servesSwaggerUi() {
		assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

}

package io.workflowpersistence.worker.api;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.workflowpersistence.worker.security.WorkerSecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document served at {@code /v3/api-docs}: its title and description, how a
 * caller authenticates, JSON answers, and the problem answers every operation may give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String JSON = "application/json";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String API_KEY = "apiKey";

	private static final String BEARER = "bearerToken";

	@Bean
	OpenAPI readApiDocument(WorkerSecurityProperties security) {
		// Either credential is enough: one requirement each. Installations that run with
		// access control off (the embedded run) simply ignore them.
		return new OpenAPI()
			.components(new Components().addSecuritySchemes(API_KEY, apiKeyScheme(security))
				.addSecuritySchemes(BEARER, bearerScheme()))
			.addSecurityItem(new SecurityRequirement().addList(API_KEY))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.info(new Info().title("Workflow persistence read API").version("v1").description("""
					Read-only queries over the workflow instances, activity records, bookmarks, \
					triggers, definitions and catalog that the worker projects from the engine's \
					events. Lists are keyset-paginated: pass the nextCursor of a page as cursor to \
					read the next one. Errors are application/problem+json (RFC 9457); a 400 names \
					each bad parameter in invalidParams."""));
	}

	private static SecurityScheme apiKeyScheme(WorkerSecurityProperties security) {
		return new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.HEADER)
			.name(security.apiKeyHeader())
			.description("A key of worker.security.api-keys with the scope workflows.read.");
	}

	private static SecurityScheme bearerScheme() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("A JWT of the configured issuer with the scope workflows.read.");
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> openApi.getPaths()
			.forEach((path, item) -> item.readOperations().forEach((operation) -> describe(path, operation)));
	}

	private static void describe(String path, Operation operation) {
		ApiResponses responses = operation.getResponses();
		responses.values().forEach(OpenApiConfiguration::answerJson);
		responses.values().forEach((response) -> response.addHeaderObject(DataLagHeader.NAME, dataLagHeader()));
		responses.addApiResponse("400", problem("A parameter is invalid; invalidParams names each bad one."));
		responses.addApiResponse("401", problem("No credentials, or credentials that are not valid."));
		responses.addApiResponse("403", problem("The credentials lack the scope workflows.read."));
		if (path.contains("{id}")) {
			responses.addApiResponse("404", problem("No row has this id."));
		}
		responses.addApiResponse("503", problem("The query timed out, the database cannot be reached, or a replica "
				+ "cancelled the query twice to apply changes from the primary."));
	}

	private static Header dataLagHeader() {
		return new Header()
			.description("How far the data lags behind the primary database, in seconds, as last "
					+ "sampled: 0 when the API reads from the primary; absent while unknown.")
			.schema(new NumberSchema());
	}

	private static void answerJson(ApiResponse response) {
		Content content = response.getContent();
		if (content != null && content.containsKey("*/*")) {
			response.setContent(new Content().addMediaType(JSON, content.get("*/*")));
		}
	}

	private static ApiResponse problem(String description) {
		ObjectSchema invalidParam = new ObjectSchema();
		invalidParam.setProperties(Map.of("name", new StringSchema(), "reason", new StringSchema()));
		ObjectSchema problem = new ObjectSchema();
		problem.setProperties(Map.of("type", new StringSchema(), "title", new StringSchema(), "status",
				new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema(), "invalidParams",
				new ArraySchema().items(invalidParam)));
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem)));
	}

}

package io.workflowpersistence.worker.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and description of the OpenAPI document served at {@code /v3/api-docs}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI readApiDocument() {
		return new OpenAPI().info(new Info().title("Workflow persistence read API").version("v1").description("""
				Read-only queries over the workflow instances, activity records, bookmarks, \
				triggers, definitions and catalog that the worker projects from the engine's \
				events. Lists are keyset-paginated: pass the nextCursor of a page as cursor to \
				read the next one. Errors are application/problem+json (RFC 9457); a 400 names \
				each bad parameter in invalidParams."""));
	}

}

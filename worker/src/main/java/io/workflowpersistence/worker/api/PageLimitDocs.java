package io.workflowpersistence.worker.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Documents the range and default of every {@code limit} parameter, and of the
 * {@code limit} property of every request body, from {@link ApiProperties}: the limits a
 * request is read with, rather than numbers repeated in each parameter record.
 */
@Component
class PageLimitDocs implements OpenApiCustomizer {

	private static final String LIMIT = "limit";

	private final ApiProperties properties;

	PageLimitDocs(ApiProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() != null) {
			openApi.getPaths()
				.values()
				.forEach((path) -> path.readOperations()
					.stream()
					.filter((operation) -> operation.getParameters() != null)
					.flatMap((operation) -> operation.getParameters().stream())
					.filter((parameter) -> LIMIT.equals(parameter.getName()))
					.forEach(this::describe));
		}
		if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
			openApi.getComponents()
				.getSchemas()
				.values()
				.stream()
				.filter((schema) -> schema.getProperties() != null && schema.getProperties().containsKey(LIMIT))
				.forEach((schema) -> describe((Schema<?>) schema.getProperties().get(LIMIT)));
		}
	}

	private void describe(Parameter parameter) {
		parameter.setDescription(description());
		if (parameter.getSchema() != null) {
			describe(parameter.getSchema());
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void describe(Schema schema) {
		schema.setDescription(description());
		schema.setMinimum(BigDecimal.ONE);
		schema.setMaximum(BigDecimal.valueOf(this.properties.maxLimit()));
		schema.setDefault(this.properties.defaultLimit());
	}

	private String description() {
		return "Page size, from 1 to %d; %d when absent.".formatted(this.properties.maxLimit(),
				this.properties.defaultLimit());
	}

}

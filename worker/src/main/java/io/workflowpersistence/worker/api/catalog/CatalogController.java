package io.workflowpersistence.worker.api.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.PagingParameters;
import io.workflowpersistence.worker.api.ParameterReader;
import io.workflowpersistence.worker.api.Where;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog: workflow categories and custom activity definitions, by id.
 */
@RestController
@Tag(name = "Catalog", description = "Workflow categories and custom activity definitions")
class CatalogController {

	private final CatalogRepository catalog;

	private final ApiProperties properties;

	CatalogController(CatalogRepository catalog, ApiProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/api/v1/categories")
	@Operation(operationId = "listCategories", summary = "List workflow categories",
			description = "All categories, by id.")
	Page<Category> categories(@ParameterObject PagingParameters parameters) {
		ParameterReader reader = new ParameterReader(this.properties);
		PageRequest page = PageRequest.readUuidKeyed(reader, parameters);
		reader.validate();
		return this.catalog.categories(page);
	}

	@GetMapping("/api/v1/activity-definitions")
	@Operation(operationId = "listActivityDefinitions", summary = "List custom activity definitions",
			description = "Activity definitions matching every filter given, by id.")
	Page<ActivityDefinition> activityDefinitions(@ParameterObject ActivityDefinitionListParameters parameters) {
		ParameterReader reader = new ParameterReader(this.properties);
		Where where = new Where().equal("Category", "category", reader.text("category", parameters.category()))
			.equal("IsEnabled", "isEnabled", reader.bool("isEnabled", parameters.isEnabled()));
		PageRequest page = PageRequest.readUuidKeyed(reader, parameters);
		reader.validate();
		return this.catalog.activityDefinitions(where, page);
	}

}

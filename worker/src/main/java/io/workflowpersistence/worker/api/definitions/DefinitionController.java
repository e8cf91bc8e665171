package io.workflowpersistence.worker.api.definitions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.NotFoundException;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.ParameterReader;
import io.workflowpersistence.worker.api.Where;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workflow definitions with their tags: the filtered list, and one version by id.
 */
@RestController
@RequestMapping("/api/v1/definitions")
@Tag(name = "Definitions", description = "Workflow definitions and their versions")
class DefinitionController {

	private final DefinitionRepository definitions;

	private final ApiProperties properties;

	DefinitionController(DefinitionRepository definitions, ApiProperties properties) {
		this.definitions = definitions;
		this.properties = properties;
	}

	@GetMapping
	@Operation(operationId = "listDefinitions", summary = "List definitions",
			description = "Definition versions matching every filter given, with their tags, by id.")
	Page<DefinitionSummary> list(@ParameterObject DefinitionListParameters parameters) {
		ParameterReader reader = new ParameterReader(this.properties);
		Where where = new Where()
			.equal("d.DefinitionId", "definitionId", reader.text("definitionId", parameters.definitionId()))
			.equal("d.IsLatest", "isLatest", reader.bool("isLatest", parameters.isLatest()))
			.equal("d.IsPublished", "isPublished", reader.bool("isPublished", parameters.isPublished()))
			.condition(DefinitionRepository.HAS_TAG, "tag", reader.text("tag", parameters.tag()))
			.equal("d.CategoryId", "categoryId", reader.uuid("categoryId", parameters.categoryId()))
			.contains("d.Name", "name", reader.text("name", parameters.name()));
		PageRequest page = PageRequest.read(reader, parameters);
		reader.validate();
		return this.definitions.page(where, page);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getDefinition", summary = "Get a definition version",
			description = "One definition version with its data and tags.")
	DefinitionDetails get(@Parameter(description = "Id of the definition version.") @PathVariable String id) {
		return this.definitions.findById(ParameterReader.pathId(id))
			.orElseThrow(() -> new NotFoundException("workflow definition", id));
	}

}

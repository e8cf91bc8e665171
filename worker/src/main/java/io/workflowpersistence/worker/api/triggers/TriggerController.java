package io.workflowpersistence.worker.api.triggers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.ParameterReader;
import io.workflowpersistence.worker.api.Where;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Triggers, found by hash, definition or name; by id.
 */
@RestController
@Tag(name = "Triggers", description = "What starts new instances")
class TriggerController {

	private final TriggerRepository triggers;

	private final ApiProperties properties;

	TriggerController(TriggerRepository triggers, ApiProperties properties) {
		this.triggers = triggers;
		this.properties = properties;
	}

	@GetMapping("/api/v1/triggers")
	@Operation(operationId = "listTriggers", summary = "List triggers",
			description = "Triggers matching every filter given, by id.")
	Page<Trigger> list(@ParameterObject TriggerListParameters parameters) {
		ParameterReader reader = new ParameterReader(this.properties);
		Where where = new Where().equal("Hash", "hash", reader.text("hash", parameters.hash()))
			.equal("WorkflowDefinitionId", "workflowDefinitionId",
					reader.text("workflowDefinitionId", parameters.workflowDefinitionId()))
			.contains("Name", "name", reader.text("name", parameters.name()));
		PageRequest page = PageRequest.read(reader, parameters);
		reader.validate();
		return this.triggers.page(where, page);
	}

}

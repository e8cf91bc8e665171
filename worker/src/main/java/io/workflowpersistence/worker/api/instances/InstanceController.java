package io.workflowpersistence.worker.api.instances;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.NotFoundException;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.ParameterReader;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workflow instances: the filtered list, the same list searched with a JSON body, and one
 * instance by id.
 */
@RestController
@RequestMapping("/api/v1/instances")
@Tag(name = "Instances", description = "Workflow instances")
class InstanceController {

	private final InstanceRepository instances;

	private final ApiProperties properties;

	InstanceController(InstanceRepository instances, ApiProperties properties) {
		this.instances = instances;
		this.properties = properties;
	}

	@GetMapping
	@Operation(operationId = "listInstances", summary = "List instances",
			description = "Instances matching every filter given, one page "
					+ "at a time, by createdAt descending unless told otherwise.")
	Page<InstanceSummary> list(@ParameterObject InstanceFilterParameters filter,
			@ParameterObject InstancePageParameters page) {
		return this.instances.page(InstanceListRequest.read(new InstanceListParameters(filter, page), this.properties));
	}

	@PostMapping("/search")
	@Operation(operationId = "searchInstances", summary = "Search instances",
			description = "The instance list with its parameters as a JSON body, for lists of statuses "
					+ "or definition ids too long for a URL. The answer is the same as the list's.")
	Page<InstanceSummary> search(@RequestBody InstanceListParameters body) {
		return this.instances.page(InstanceListRequest.read(body, this.properties));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getInstance", summary = "Get an instance",
			description = "One instance with its data and the number of its activity records and bookmarks.")
	InstanceDetails get(@Parameter(description = "Instance id.") @PathVariable String id) {
		return this.instances.findById(ParameterReader.pathId(id))
			.orElseThrow(() -> new NotFoundException("workflow instance", id));
	}

}

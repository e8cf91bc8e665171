package io.workflowpersistence.worker.api.instances;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.ParameterReader;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts of workflow instances by status and sub-status, under the instance filters.
 */
@RestController
@Tag(name = "Statistics", description = "Counts over the instances")
class InstanceStatsController {

	private final InstanceRepository instances;

	private final ApiProperties properties;

	InstanceStatsController(InstanceRepository instances, ApiProperties properties) {
		this.instances = instances;
		this.properties = properties;
	}

	@GetMapping("/api/v1/stats/instances")
	@Operation(operationId = "countInstancesByStatus", summary = "Count instances by status",
			description = "How many instances match the filters, by status and by sub-status within each.")
	InstanceStats countByStatus(@ParameterObject InstanceFilterParameters parameters) {
		ParameterReader reader = new ParameterReader(this.properties);
		InstanceFilter filter = InstanceFilter.read(reader, parameters);
		reader.validate();
		return InstanceStats.of(this.instances.countByStatus(filter));
	}

}

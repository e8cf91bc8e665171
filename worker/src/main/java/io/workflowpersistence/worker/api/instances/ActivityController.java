package io.workflowpersistence.worker.api.instances;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.NotFoundException;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.ParameterReader;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activity execution records of one workflow instance.
 */
@RestController
@Tag(name = "Instances")
class ActivityController {

	private final InstanceRepository instances;

	private final ActivityRepository activities;

	private final ApiProperties properties;

	ActivityController(InstanceRepository instances, ActivityRepository activities, ApiProperties properties) {
		this.instances = instances;
		this.activities = activities;
		this.properties = properties;
	}

	@GetMapping("/api/v1/instances/{id}/activities")
	@Operation(operationId = "listInstanceActivities", summary = "List the activity records of an instance",
			description = "Ordered by startedAt, then id; records not started yet come last.")
	Page<ActivityRecord> list(@Parameter(description = "Instance id.") @PathVariable String id,
			@ParameterObject ActivityListParameters parameters) {
		ParameterReader reader = new ParameterReader(this.properties);
		List<String> statuses = reader.statuses("status", parameters.status());
		PageRequest page = PageRequest.read(reader, parameters, ActivityRepository.SORT, false);
		reader.validate();
		if (!this.instances.exists(ParameterReader.pathId(id))) {
			throw new NotFoundException("workflow instance", id);
		}
		return this.activities.page(id, statuses, page);
	}

}

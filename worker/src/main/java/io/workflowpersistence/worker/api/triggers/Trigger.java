package io.workflowpersistence.worker.api.triggers;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.jdbc.core.RowMapper;

/**
 * A trigger: an activity of a workflow definition that starts new instances.
 *
 * @param id the trigger id
 * @param workflowDefinitionId the definition it starts
 * @param workflowDefinitionVersionId the definition version it belongs to
 * @param activityId the trigger activity
 * @param name the trigger name, e.g. the stimulus type
 * @param hash the hash of the trigger's payload, the key engines match stimuli by
 * @param data the trigger payload, as JSON
 */
record Trigger(String id, String workflowDefinitionId, String workflowDefinitionVersionId, String activityId,
		String name, String hash, @Schema(type = "object", description = "Trigger payload") @JsonRawValue String data) {

	static final String COLUMNS = "Id, WorkflowDefinitionId, WorkflowDefinitionVersionId, ActivityId, Name, Hash, Data";

	static final RowMapper<Trigger> MAPPER = (rs, rowNum) -> new Trigger(rs.getString("id"),
			rs.getString("workflowdefinitionid"), rs.getString("workflowdefinitionversionid"),
			rs.getString("activityid"), rs.getString("name"), rs.getString("hash"), rs.getString("data"));

}

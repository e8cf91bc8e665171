package io.workflowpersistence.worker.api.instances;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.Rows;

import org.springframework.jdbc.core.RowMapper;

/**
 * One workflow instance with its data and the number of its activity records and
 * bookmarks.
 *
 * @param id the instance id
 * @param definitionId the workflow definition
 * @param definitionVersionId the version of the definition that runs
 * @param version the definition version number
 * @param status the status, e.g. Running or Finished
 * @param subStatus the detailed status
 * @param correlationId the correlation id
 * @param name the instance name
 * @param data the instance data and variables, as JSON
 * @param createdAt when the instance was created
 * @param updatedAt when the instance last changed
 * @param finishedAt when the instance finished
 * @param activityCount how many activity execution records the instance has
 * @param bookmarkCount how many bookmarks the instance has
 */
record InstanceDetails(String id, String definitionId, String definitionVersionId, Integer version, String status,
		String subStatus, String correlationId, String name,
		@Schema(type = "object", description = "Instance data and variables") @JsonRawValue String data,
		Instant createdAt, Instant updatedAt, Instant finishedAt, long activityCount, long bookmarkCount) {

	static final RowMapper<InstanceDetails> MAPPER = (rs, rowNum) -> new InstanceDetails(rs.getString("id"),
			rs.getString("definitionid"), rs.getString("definitionversionid"), Rows.integer(rs, "version"),
			rs.getString("status"), rs.getString("substatus"), rs.getString("correlationid"), rs.getString("name"),
			rs.getString("data"), Rows.instant(rs, "createdat"), Rows.instant(rs, "updatedat"),
			Rows.instant(rs, "finishedat"), rs.getLong("activitycount"), rs.getLong("bookmarkcount"));

}

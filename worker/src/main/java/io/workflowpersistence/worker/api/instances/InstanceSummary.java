package io.workflowpersistence.worker.api.instances;

import java.time.Instant;

import io.workflowpersistence.worker.api.Rows;

import org.springframework.jdbc.core.RowMapper;

/**
 * A workflow instance as lists show it: every field but its data, which {@code GET
 * /api/v1/instances/{id}} adds.
 *
 * @param id the instance id
 * @param definitionId the workflow definition
 * @param definitionVersionId the version of the definition that runs
 * @param version the definition version number
 * @param status the status, e.g. Running or Finished
 * @param subStatus the detailed status
 * @param correlationId the correlation id
 * @param name the instance name
 * @param createdAt when the instance was created
 * @param updatedAt when the instance last changed
 * @param finishedAt when the instance finished
 */
record InstanceSummary(String id, String definitionId, String definitionVersionId, Integer version, String status,
		String subStatus, String correlationId, String name, Instant createdAt, Instant updatedAt, Instant finishedAt) {

	static final String COLUMNS = """
			Id, DefinitionId, DefinitionVersionId, Version, Status, SubStatus, CorrelationId, Name, \
			CreatedAt, UpdatedAt, FinishedAt""";

	static final RowMapper<InstanceSummary> MAPPER = (rs, rowNum) -> new InstanceSummary(rs.getString("id"),
			rs.getString("definitionid"), rs.getString("definitionversionid"), Rows.integer(rs, "version"),
			rs.getString("status"), rs.getString("substatus"), rs.getString("correlationid"), rs.getString("name"),
			Rows.instant(rs, "createdat"), Rows.instant(rs, "updatedat"), Rows.instant(rs, "finishedat"));

}

package io.workflowpersistence.worker.api.instances;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.ApiDocs;
import io.workflowpersistence.worker.api.QueryParameters;

/**
 * The instance filters as a request carries them, before they are read.
 *
 * @param status statuses to match, any of them
 * @param subStatus the sub-status to match
 * @param definitionId definition ids to match, any of them
 * @param correlationId the correlation id to match
 * @param name a substring of the name
 * @param createdFrom the earliest creation time, inclusive
 * @param createdTo the creation time before which instances were created, exclusive
 * @param updatedFrom the earliest update time, inclusive
 * @param updatedTo the update time before which instances were last updated, exclusive
 */
record InstanceFilterParameters(
		@Parameter(description = "Status to match, e.g. Running; repeat for any of several.") @Schema(
				description = "Statuses to match, any of them.") @JsonFormat(
						with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> status,
		@Parameter(description = "Sub-status to match, e.g. Suspended.") @Schema(
				description = "Sub-status to match.") String subStatus,
		@Parameter(description = "Definition id to match; repeat for any of several.") @Schema(
				description = "Definition ids to match, any of them.") @JsonFormat(
						with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> definitionId,
		@Parameter(description = "Correlation id to match exactly.") @Schema(
				description = "Correlation id to match exactly.") String correlationId,
		@Parameter(description = ApiDocs.NAME) @Schema(description = ApiDocs.NAME) String name,
		@Parameter(description = CREATED_FROM, schema = @Schema(type = "string", format = "date-time")) @Schema(
				description = CREATED_FROM, format = "date-time") String createdFrom,
		@Parameter(description = CREATED_TO, schema = @Schema(type = "string", format = "date-time")) @Schema(
				description = CREATED_TO, format = "date-time") String createdTo,
		@Parameter(description = UPDATED_FROM, schema = @Schema(type = "string", format = "date-time")) @Schema(
				description = UPDATED_FROM, format = "date-time") String updatedFrom,
		@Parameter(description = UPDATED_TO, schema = @Schema(type = "string", format = "date-time")) @Schema(
				description = UPDATED_TO, format = "date-time") String updatedTo)
		implements
			QueryParameters {

	static final String CREATED_FROM = "Created at or after this time (inclusive);" + ApiDocs.TIMESTAMP_FORMAT;

	static final String CREATED_TO = "Created before this time (exclusive);" + ApiDocs.TIMESTAMP_FORMAT;

	static final String UPDATED_FROM = "Last updated at or after this time (inclusive);" + ApiDocs.TIMESTAMP_FORMAT;

	static final String UPDATED_TO = "Last updated before this time (exclusive);" + ApiDocs.TIMESTAMP_FORMAT;

}

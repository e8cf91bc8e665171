package io.workflowpersistence.worker.api.instances;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.ApiDocs;
import io.workflowpersistence.worker.api.PageParameters;

/**
 * The parameters of an instance list, as query parameters or as the JSON body of a
 * search.
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
 * @param sort the sort field
 * @param order the sort direction
 * @param limit the page size
 * @param cursor the cursor of the page before
 * @param count whether to add the total count
 */
record InstanceListParameters(
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
		@Parameter(description = InstanceFilterParameters.CREATED_FROM,
				schema = @Schema(type = "string", format = "date-time")) @Schema(
						description = InstanceFilterParameters.CREATED_FROM, format = "date-time") String createdFrom,
		@Parameter(description = InstanceFilterParameters.CREATED_TO,
				schema = @Schema(type = "string", format = "date-time")) @Schema(
						description = InstanceFilterParameters.CREATED_TO, format = "date-time") String createdTo,
		@Parameter(description = InstanceFilterParameters.UPDATED_FROM,
				schema = @Schema(type = "string", format = "date-time")) @Schema(
						description = InstanceFilterParameters.UPDATED_FROM, format = "date-time") String updatedFrom,
		@Parameter(description = InstanceFilterParameters.UPDATED_TO,
				schema = @Schema(type = "string", format = "date-time")) @Schema(
						description = InstanceFilterParameters.UPDATED_TO, format = "date-time") String updatedTo,
		@Parameter(description = SORT, schema = @Schema(allowableValues = {
				"createdAt", "updatedAt", "finishedAt" }, defaultValue = "createdAt")) @Schema(description = SORT,
						allowableValues = { "createdAt", "updatedAt", "finishedAt" }) String sort,
		@Parameter(description = ORDER,
				schema = @Schema(allowableValues = { "asc", "desc" }, defaultValue = "desc")) @Schema(
						description = ORDER, allowableValues = { "asc", "desc" }) String order,
		@Parameter(description = ApiDocs.LIMIT,
				schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "50")) @Schema(
						description = ApiDocs.LIMIT, type = "integer") String limit,
		@Parameter(description = ApiDocs.CURSOR) @Schema(description = ApiDocs.CURSOR) String cursor,
		@Parameter(description = ApiDocs.COUNT, schema = @Schema(type = "boolean")) @Schema(description = ApiDocs.COUNT,
				type = "boolean") String count)
		implements
			PageParameters{

	static final String SORT = "Sort field: createdAt (default), updatedAt or finishedAt; then by id. "
			+ "Rows without a value come last in either order.";

	static final String ORDER = "Sort direction: desc (default) or asc.";

	InstanceFilterParameters filter() {
		return new InstanceFilterParameters(this.status, this.subStatus, this.definitionId, this.correlationId,
				this.name, this.createdFrom, this.createdTo, this.updatedFrom, this.updatedTo);
	}

}

package io.workflowpersistence.worker.api.instances;

import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.ApiDocs;
import io.workflowpersistence.worker.api.PageParameters;

/**
 * The query parameters of the activity records of an instance.
 *
 * @param status statuses to match, any of them
 * @param limit the page size
 * @param cursor the cursor of the page before
 * @param count whether to add the total count
 */
record ActivityListParameters(@Parameter(
		description = "Activity status to match, e.g. Completed; repeat for any of several.") List<String> status,
		@Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = "integer")) String limit,
		@Parameter(description = ApiDocs.CURSOR) String cursor,
		@Parameter(description = ApiDocs.COUNT, schema = @Schema(type = "boolean")) String count)
		implements
			PageParameters {

}

package io.workflowpersistence.worker.api.triggers;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.ApiDocs;
import io.workflowpersistence.worker.api.PageParameters;

/**
 * The query parameters of the trigger list.
 *
 * @param hash the hash to match
 * @param workflowDefinitionId the definition to match
 * @param name a substring of the name
 * @param limit the page size
 * @param cursor the cursor of the page before
 * @param count whether to add the total count
 */
record TriggerListParameters(@Parameter(description = "Trigger hash to match exactly.") String hash,
		@Parameter(description = "Workflow definition id to match exactly.") String workflowDefinitionId,
		@Parameter(description = ApiDocs.NAME) String name,
		@Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = "integer")) String limit,
		@Parameter(description = ApiDocs.CURSOR) String cursor,
		@Parameter(description = ApiDocs.COUNT, schema = @Schema(type = "boolean")) String count)
		implements
			PageParameters {

}

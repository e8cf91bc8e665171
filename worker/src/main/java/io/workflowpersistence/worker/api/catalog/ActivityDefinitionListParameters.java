package io.workflowpersistence.worker.api.catalog;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.ApiDocs;
import io.workflowpersistence.worker.api.PageParameters;

/**
 * The query parameters of the activity definition list.
 *
 * @param category the category to match
 * @param isEnabled whether to match enabled definitions or the others
 * @param limit the page size
 * @param cursor the cursor of the page before
 * @param count whether to add the total count
 */
record ActivityDefinitionListParameters(@Parameter(description = "Activity category to match exactly.") String category,
		@Parameter(description = "true for enabled definitions only, false for the others.",
				schema = @Schema(type = "boolean")) String isEnabled,
		@Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = "integer")) String limit,
		@Parameter(description = ApiDocs.CURSOR) String cursor,
		@Parameter(description = ApiDocs.COUNT, schema = @Schema(type = "boolean")) String count)
		implements
			PageParameters {

}

package io.workflowpersistence.worker.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The query parameters of a list that takes no filters.
 *
 * @param limit the page size
 * @param cursor the cursor of the page before
 * @param count whether to add the total count
 */
public record PagingParameters(@Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = "integer")) String limit,
		@Parameter(description = ApiDocs.CURSOR) String cursor,
		@Parameter(description = ApiDocs.COUNT, schema = @Schema(type = "boolean")) String count)
		implements
			PageParameters {

}

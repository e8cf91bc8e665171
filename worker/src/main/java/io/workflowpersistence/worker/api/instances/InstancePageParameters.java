package io.workflowpersistence.worker.api.instances;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.ApiDocs;
import io.workflowpersistence.worker.api.PageParameters;

/**
 * The order and the page of an instance list as a request carries them, before they are
 * read.
 *
 * @param sort the sort field
 * @param order the sort direction
 * @param limit the page size
 * @param cursor the cursor of the page before
 * @param count whether to add the total count
 */
record InstancePageParameters(@Parameter(description = SORT, schema = @Schema(allowableValues = {
		"createdAt", "updatedAt", "finishedAt" }, defaultValue = "createdAt")) @Schema(description = SORT,
				allowableValues = { "createdAt", "updatedAt", "finishedAt" }) String sort,
		@Parameter(description = ORDER,
				schema = @Schema(allowableValues = { "asc", "desc" }, defaultValue = "desc")) @Schema(
						description = ORDER, allowableValues = { "asc", "desc" }) String order,
		@Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = "integer")) @Schema(description = ApiDocs.LIMIT,
				type = "integer") String limit,
		@Parameter(description = ApiDocs.CURSOR) @Schema(description = ApiDocs.CURSOR) String cursor,
		@Parameter(description = ApiDocs.COUNT, schema = @Schema(type = "boolean")) @Schema(description = ApiDocs.COUNT,
				type = "boolean") String count)
		implements
			PageParameters{

	static final String SORT = "Sort field: createdAt (default), updatedAt or finishedAt; then by id. "
			+ "Rows without a value come last in either order.";

	static final String ORDER = "Sort direction: desc (default) or asc.";

}

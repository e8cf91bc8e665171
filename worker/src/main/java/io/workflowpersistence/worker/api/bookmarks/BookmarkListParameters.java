package io.workflowpersistence.worker.api.bookmarks;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.ApiDocs;
import io.workflowpersistence.worker.api.PageParameters;

/**
 * The query parameters of the bookmark list.
 *
 * @param hash the hash to match
 * @param name a substring of the name
 * @param activityId the activity id to match
 * @param limit the page size
 * @param cursor the cursor of the page before
 * @param count whether to add the total count
 */
record BookmarkListParameters(@Parameter(description = "Bookmark hash to match exactly.") String hash,
		@Parameter(description = ApiDocs.NAME) String name,
		@Parameter(description = "Activity id to match exactly.") String activityId,
		@Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = "integer")) String limit,
		@Parameter(description = ApiDocs.CURSOR) String cursor,
		@Parameter(description = ApiDocs.COUNT, schema = @Schema(type = "boolean")) String count)
		implements
			PageParameters {

}

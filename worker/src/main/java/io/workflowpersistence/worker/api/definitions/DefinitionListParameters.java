package io.workflowpersistence.worker.api.definitions;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.ApiDocs;
import io.workflowpersistence.worker.api.PageParameters;

/**
 * The query parameters of the definition list.
 *
 * @param definitionId the logical definition to match
 * @param isLatest whether to match latest versions or the others
 * @param isPublished whether to match published versions or the others
 * @param tag a tag the definition must carry
 * @param categoryId the category to match
 * @param name a substring of the name
 * @param limit the page size
 * @param cursor the cursor of the page before
 * @param count whether to add the total count
 */
record DefinitionListParameters(
		@Parameter(description = "Logical definition id to match exactly (all its versions).") String definitionId,
		@Parameter(description = "true for latest versions only, false for the others.",
				schema = @Schema(type = "boolean")) String isLatest,
		@Parameter(description = "true for published versions only, false for the others.",
				schema = @Schema(type = "boolean")) String isPublished,
		@Parameter(description = "Tag the definition carries, matched exactly.") String tag,
		@Parameter(description = "Workflow category id to match.",
				schema = @Schema(type = "string", format = "uuid")) String categoryId,
		@Parameter(description = ApiDocs.NAME) String name,
		@Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = "integer")) String limit,
		@Parameter(description = ApiDocs.CURSOR) String cursor,
		@Parameter(description = ApiDocs.COUNT, schema = @Schema(type = "boolean")) String count)
		implements
			PageParameters {

}

package io.workflowpersistence.worker.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a list: {@code {"items":[…],"nextCursor":…}}, plus {@code totalCount} when
 * asked for.
 *
 * @param <T> the type of the rows
 * @param items the rows of this page
 * @param nextCursor the cursor of the next page, {@code null} on the last page
 * @param totalCount the number of rows matching the filters over all pages, when asked
 * for with {@code count=true}
 */
public record Page<T>(List<T> items,
		@Schema(description = "Cursor of the next page; null on the last page.",
				nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
		@Schema(description = "Rows matching the filters over all pages; only with count=true.") @JsonInclude(JsonInclude.Include.NON_NULL) Long totalCount) {

}

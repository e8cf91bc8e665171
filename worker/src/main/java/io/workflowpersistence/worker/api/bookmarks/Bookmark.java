package io.workflowpersistence.worker.api.bookmarks;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.Rows;

import org.springframework.jdbc.core.RowMapper;

/**
 * A bookmark: where a workflow instance waits to be resumed.
 *
 * @param id the bookmark id
 * @param workflowInstanceId the waiting instance
 * @param activityId the activity that created it
 * @param activityNodeId the node id of that activity
 * @param name the bookmark name, e.g. the stimulus type
 * @param hash the hash of the bookmark's payload, the key engines resume by
 * @param data the bookmark payload, as JSON
 * @param createdAt when the bookmark was created
 */
record Bookmark(String id, String workflowInstanceId, String activityId, String activityNodeId, String name,
		String hash, @Schema(type = "object", description = "Bookmark payload") @JsonRawValue String data,
		Instant createdAt) {

	static final String COLUMNS = "Id, WorkflowInstanceId, ActivityId, ActivityNodeId, Name, Hash, Data, CreatedAt";

	static final RowMapper<Bookmark> MAPPER = (rs, rowNum) -> new Bookmark(rs.getString("id"),
			rs.getString("workflowinstanceid"), rs.getString("activityid"), rs.getString("activitynodeid"),
			rs.getString("name"), rs.getString("hash"), rs.getString("data"), Rows.instant(rs, "createdat"));

}

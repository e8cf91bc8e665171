package io.workflowpersistence.worker.api.definitions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.Rows;

import org.springframework.jdbc.core.RowMapper;

/**
 * One version of a workflow definition with its data and tags.
 *
 * @param id the id of this version
 * @param definitionId the logical definition, the same across versions
 * @param version the version number
 * @param name the name
 * @param displayName the human-readable name
 * @param description the description
 * @param isLatest whether this is the latest version
 * @param isPublished whether this version is published
 * @param data the activities and connections of the workflow, as JSON
 * @param categoryId the workflow category
 * @param tags the tags, in alphabetical order
 * @param createdAt when the version was created
 * @param updatedAt when the version last changed
 */
record DefinitionDetails(String id, String definitionId, int version, String name, String displayName,
		String description, Boolean isLatest, Boolean isPublished,
		@Schema(type = "object", description = "Activities and connections") @JsonRawValue String data, UUID categoryId,
		List<String> tags, Instant createdAt, Instant updatedAt) {

	static final String COLUMNS = DefinitionSummary.COLUMNS + ", d.Data";

	static final RowMapper<DefinitionDetails> MAPPER = (rs, rowNum) -> new DefinitionDetails(rs.getString("id"),
			rs.getString("definitionid"), rs.getInt("version"), rs.getString("name"), rs.getString("displayname"),
			rs.getString("description"), Rows.bool(rs, "islatest"), Rows.bool(rs, "ispublished"), rs.getString("data"),
			Rows.uuid(rs, "categoryid"), DefinitionSummary.tags(rs.getArray("tags")), Rows.instant(rs, "createdat"),
			Rows.instant(rs, "updatedat"));

}

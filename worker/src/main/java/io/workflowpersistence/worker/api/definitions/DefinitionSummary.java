package io.workflowpersistence.worker.api.definitions;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.workflowpersistence.worker.api.Rows;

import org.springframework.jdbc.core.RowMapper;

/**
 * A version of a workflow definition as lists show it: every field but its data, which
 * {@code GET /api/v1/definitions/{id}} adds.
 *
 * @param id the id of this version
 * @param definitionId the logical definition, the same across versions
 * @param version the version number
 * @param name the name
 * @param displayName the human-readable name
 * @param description the description
 * @param isLatest whether this is the latest version
 * @param isPublished whether this version is published
 * @param categoryId the workflow category
 * @param tags the tags, in alphabetical order
 * @param createdAt when the version was created
 * @param updatedAt when the version last changed
 */
record DefinitionSummary(String id, String definitionId, int version, String name, String displayName,
		String description, Boolean isLatest, Boolean isPublished, UUID categoryId, List<String> tags,
		Instant createdAt, Instant updatedAt) {

	static final String COLUMNS = """
			d.Id, d.DefinitionId, d.Version, d.Name, d.DisplayName, d.Description, d.IsLatest, d.IsPublished, \
			d.CategoryId, d.CreatedAt, d.UpdatedAt, \
			ARRAY(SELECT t.Tag FROM WorkflowTags t WHERE t.WorkflowDefinitionId = d.Id ORDER BY t.Tag) AS Tags""";

	static final RowMapper<DefinitionSummary> MAPPER = (rs, rowNum) -> new DefinitionSummary(rs.getString("id"),
			rs.getString("definitionid"), rs.getInt("version"), rs.getString("name"), rs.getString("displayname"),
			rs.getString("description"), Rows.bool(rs, "islatest"), Rows.bool(rs, "ispublished"),
			Rows.uuid(rs, "categoryid"), tags(rs.getArray("tags")), Rows.instant(rs, "createdat"),
			Rows.instant(rs, "updatedat"));

	static List<String> tags(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}

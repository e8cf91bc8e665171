package io.workflowpersistence.worker.api.catalog;

import java.time.Instant;
import java.util.UUID;

import io.workflowpersistence.worker.api.Rows;

import org.springframework.jdbc.core.RowMapper;

/**
 * A workflow category.
 *
 * @param id the category id
 * @param name the name
 * @param description the description
 * @param color the display colour, {@code #RRGGBB}
 * @param createdAt when the category was created
 * @param updatedAt when the category last changed
 */
record Category(UUID id, String name, String description, String color, Instant createdAt, Instant updatedAt) {

	static final String COLUMNS = "Id, Name, Description, Color, CreatedAt, UpdatedAt";

	static final RowMapper<Category> MAPPER = (rs, rowNum) -> new Category(Rows.uuid(rs, "id"), rs.getString("name"),
			rs.getString("description"), rs.getString("color"), Rows.instant(rs, "createdat"),
			Rows.instant(rs, "updatedat"));

}

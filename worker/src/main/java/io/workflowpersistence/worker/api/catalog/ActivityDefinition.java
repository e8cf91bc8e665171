package io.workflowpersistence.worker.api.catalog;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.workflowpersistence.worker.api.Rows;

import org.springframework.jdbc.core.RowMapper;

/**
 * A custom activity definition.
 *
 * @param id the definition id
 * @param name the name
 * @param displayName the human-readable name
 * @param description the description
 * @param category the activity category
 * @param inputProperties the input properties, as JSON
 * @param outputProperties the output properties, as JSON
 * @param assemblyName the assembly that implements it
 * @param typeName the type that implements it
 * @param version the version
 * @param isEnabled whether it is enabled
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record ActivityDefinition(UUID id, String name, String displayName, String description, String category,
		@Schema(type = "object", description = "Input properties") @JsonRawValue String inputProperties,
		@Schema(type = "object", description = "Output properties") @JsonRawValue String outputProperties,
		String assemblyName, String typeName, String version, Boolean isEnabled, Instant createdAt, Instant updatedAt) {

	static final String COLUMNS = """
			Id, Name, DisplayName, Description, Category, InputProperties, OutputProperties, AssemblyName, \
			TypeName, Version, IsEnabled, CreatedAt, UpdatedAt""";

	static final RowMapper<ActivityDefinition> MAPPER = (rs, rowNum) -> new ActivityDefinition(Rows.uuid(rs, "id"),
			rs.getString("name"), rs.getString("displayname"), rs.getString("description"), rs.getString("category"),
			rs.getString("inputproperties"), rs.getString("outputproperties"), rs.getString("assemblyname"),
			rs.getString("typename"), rs.getString("version"), Rows.bool(rs, "isenabled"),
			Rows.instant(rs, "createdat"), Rows.instant(rs, "updatedat"));

}

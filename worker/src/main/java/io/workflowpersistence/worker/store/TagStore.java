package io.workflowpersistence.worker.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.workflowpersistence.events.WorkflowDefinition;
import io.workflowpersistence.worker.store.SqlArrays.TypedArray;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps WorkflowTags equal to the tag sets of the definitions written. A tag's id is a
 * name-based UUID of the definition row's id and the tag, so a replay rebuilds the same
 * rows.
 */
@Repository
class TagStore {

	private static final String DELETE_TAGS = """
			DELETE FROM WorkflowTags WHERE WorkflowDefinitionId = ANY(?::varchar[])
			""";

	private static final String INSERT_TAGS = """
			INSERT INTO WorkflowTags (Id, WorkflowDefinitionId, Tag, CreatedAt)
			SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[])
			""";

	private final JdbcTemplate jdbc;

	TagStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the tags of each definition by the set it carries.
	 */
	void replaceAll(List<WorkflowDefinition> definitions) {
		if (definitions.isEmpty()) {
			return;
		}
		Object[] definitionIds = definitions.stream().map(WorkflowDefinition::id).toArray();
		this.jdbc.update((connection) -> SqlArrays.bind(connection, DELETE_TAGS,
				List.of(new TypedArray("varchar", definitionIds))));
		List<Object> ids = new ArrayList<>();
		List<Object> owners = new ArrayList<>();
		List<Object> names = new ArrayList<>();
		List<Object> createdAt = new ArrayList<>();
		for (WorkflowDefinition definition : definitions) {
			for (String tag : new LinkedHashSet<>(definition.tags())) {
				ids.add(tagId(definition.id(), tag));
				owners.add(definition.id());
				names.add(tag);
				createdAt.add(tagTime(definition));
			}
		}
		if (!ids.isEmpty()) {
			this.jdbc.update((connection) -> SqlArrays.bind(connection, INSERT_TAGS,
					List.of(new TypedArray("uuid", ids.toArray()), new TypedArray("varchar", owners.toArray()),
							new TypedArray("varchar", names.toArray()),
							new TypedArray("timestamptz", createdAt.toArray()))));
		}
	}

	static UUID tagId(String definitionId, String tag) {
		return UUID.nameUUIDFromBytes((definitionId + "\n" + tag).getBytes(StandardCharsets.UTF_8));
	}

	// The time the definition carrying this tag set was written, so replays agree.
	private static Instant tagTime(WorkflowDefinition definition) {
		return (definition.updatedAt() != null) ? definition.updatedAt() : definition.createdAt();
	}

}

package io.workflowpersistence.worker.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test row for one of the projected tables, as the ingestion would have written it:
 * {@code TableRow.instance("i-1").with("Status", "Faulted").insert(jdbc)}.
 */
public final class TableRow {

	private static final Set<String> JSON_COLUMNS = Set.of("Data", "InputProperties", "OutputProperties");

	private final String table;

	private final Map<String, Object> values = new LinkedHashMap<>();

	private TableRow(String table) {
		this.table = table;
	}

	public static TableRow instance(String id) {
		return new TableRow("WorkflowInstances").with("Id", id)
			.with("DefinitionId", "definition-1")
			.with("Status", "Running");
	}

	public static TableRow activity(String id, String instanceId) {
		return new TableRow("ActivityExecutionRecords").with("Id", id)
			.with("WorkflowInstanceId", instanceId)
			.with("ActivityId", "activity-1")
			.with("Status", "Completed");
	}

	public static TableRow bookmark(String id, String instanceId, String hash) {
		return new TableRow("Bookmarks").with("Id", id).with("WorkflowInstanceId", instanceId).with("Hash", hash);
	}

	public static TableRow trigger(String id, String definitionId) {
		return new TableRow("Triggers").with("Id", id).with("WorkflowDefinitionId", definitionId);
	}

	public static TableRow definition(String id, String definitionId, int version) {
		return new TableRow("WorkflowDefinitions").with("Id", id)
			.with("DefinitionId", definitionId)
			.with("Version", version);
	}

	public static TableRow tag(String definitionRowId, String tag) {
		return new TableRow("WorkflowTags").with("Id", UUID.randomUUID())
			.with("WorkflowDefinitionId", definitionRowId)
			.with("Tag", tag);
	}

	public static TableRow category(UUID id, String name) {
		return new TableRow("WorkflowCategories").with("Id", id).with("Name", name);
	}

	public static TableRow activityDefinition(UUID id, String name) {
		return new TableRow("CustomActivityDefinitions").with("Id", id).with("Name", name);
	}

	/**
	 * Sets a column; an {@link Instant} is stored as a {@code timestamptz}, the JSON
	 * columns take JSON text.
	 * @param column the column, as the seed names it
	 * @param value the value, or {@code null}
	 * @return this row
	 */
	public TableRow with(String column, Object value) {
		this.values.put(column,
				(value instanceof Instant instant) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
		return this;
	}

	/**
	 * Inserts the row.
	 * @param jdbc the database
	 */
	public void insert(JdbcTemplate jdbc) {
		String columns = String.join(", ", this.values.keySet());
		String placeholders = this.values.keySet()
			.stream()
			.map((column) -> JSON_COLUMNS.contains(column) ? "CAST(? AS jsonb)" : "?")
			.collect(Collectors.joining(", "));
		jdbc.update("INSERT INTO " + this.table + " (" + columns + ") VALUES (" + placeholders + ")",
				this.values.values().toArray());
	}

}

package io.workflowpersistence.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations, applied to an empty database, create the seed design's tables, columns,
 * types and indexes, under names that work unquoted.
 */
class SchemaMatchesSeedIntegrationTests {

	/**
	 * The seed's tables and columns in its own notation; its timestamps are timestamptz.
	 */
	private static final Map<String, List<String>> SEED_TABLES = Map.of(
			"WorkflowDefinitions", List.of("Id varchar(255)", "DefinitionId varchar(255)", "Name varchar(255)",
					"DisplayName varchar(255)", "Description text", "Version int", "IsLatest boolean",
					"IsPublished boolean", "Data jsonb", "CreatedAt timestamptz", "UpdatedAt timestamptz"),
			"WorkflowInstances",
			List.of("Id varchar(255)", "DefinitionId varchar(255)", "DefinitionVersionId varchar(255)", "Version int",
					"Status varchar(50)", "SubStatus varchar(50)", "CorrelationId varchar(255)", "Name varchar(255)",
					"Data jsonb", "CreatedAt timestamptz", "UpdatedAt timestamptz", "FinishedAt timestamptz"),
			"ActivityExecutionRecords",
			List.of("Id varchar(255)", "WorkflowInstanceId varchar(255)", "ActivityId varchar(255)",
					"ActivityNodeId varchar(255)", "ActivityName varchar(255)", "ActivityType varchar(255)",
					"Status varchar(50)", "Data jsonb", "Exception text", "StartedAt timestamptz",
					"CompletedAt timestamptz"),
			"Bookmarks",
			List.of("Id varchar(255)", "WorkflowInstanceId varchar(255)", "ActivityId varchar(255)",
					"ActivityNodeId varchar(255)", "Name varchar(255)", "Hash varchar(255)", "Data jsonb",
					"CreatedAt timestamptz"),
			"Triggers",
			List.of("Id varchar(255)", "WorkflowDefinitionId varchar(255)", "WorkflowDefinitionVersionId varchar(255)",
					"ActivityId varchar(255)", "Name varchar(255)", "Hash varchar(255)", "Data jsonb"),
			"WorkflowCategories",
			List.of("Id uuid", "Name varchar(100)", "Description text", "Color varchar(7)", "CreatedAt timestamptz",
					"UpdatedAt timestamptz"),
			"WorkflowTags",
			List.of("Id uuid", "WorkflowDefinitionId varchar(255)", "Tag varchar(50)", "CreatedAt timestamptz"),
			"CustomActivityDefinitions",
			List.of("Id uuid", "Name varchar(100)", "DisplayName varchar(100)", "Description text",
					"Category varchar(50)", "InputProperties jsonb", "OutputProperties jsonb",
					"AssemblyName varchar(255)", "TypeName varchar(255)", "Version varchar(20)", "IsEnabled boolean",
					"CreatedAt timestamptz", "UpdatedAt timestamptz"));

	/** Columns the contract allows beyond the seed's, on any seed table. */
	private static final List<String> ALLOWED_EXTRA_COLUMNS = List.of("EventVersion bigint", "EventTime timestamptz",
			"IngestedAt timestamptz");

	/** The seed's short type names as information_schema spells them. */
	private static final Map<String, String> POSTGRES_TYPE_NAMES = Map.of("int", "integer", "timestamptz",
			"timestamp with time zone");

	/**
	 * Tables beyond the seed's: the ingestion state, the kept instance counts, the
	 * catalog's table versions (the read API's entity tags), the instances retention
	 * removed and Flyway's own.
	 */
	private static final Set<String> ALLOWED_EXTRA_TABLES = Set.of("tombstones", "consumeroffsets",
			"instancecountdeltas", "tableversions", "removedinstances", "flyway_schema_history");

	/** The seed's indexes, by name, with the table and column each is on. */
	private static final Map<String, String> SEED_INDEXES = Map.ofEntries(
			Map.entry("idx_workflowdefinitions_definitionid", "WorkflowDefinitions(DefinitionId)"),
			Map.entry("idx_workflowdefinitions_islatest", "WorkflowDefinitions(IsLatest)"),
			Map.entry("idx_workflowdefinitions_ispublished", "WorkflowDefinitions(IsPublished)"),
			Map.entry("idx_workflowinstances_definitionid", "WorkflowInstances(DefinitionId)"),
			Map.entry("idx_workflowinstances_status", "WorkflowInstances(Status)"),
			Map.entry("idx_workflowinstances_correlationid", "WorkflowInstances(CorrelationId)"),
			Map.entry("idx_workflowinstances_createdat", "WorkflowInstances(CreatedAt)"),
			Map.entry("idx_activityexecutionrecords_workflowinstanceid",
					"ActivityExecutionRecords(WorkflowInstanceId)"),
			Map.entry("idx_activityexecutionrecords_startedat", "ActivityExecutionRecords(StartedAt)"),
			Map.entry("idx_activityexecutionrecords_status", "ActivityExecutionRecords(Status)"),
			Map.entry("idx_bookmarks_workflowinstanceid", "Bookmarks(WorkflowInstanceId)"),
			Map.entry("idx_bookmarks_hash", "Bookmarks(Hash)"),
			Map.entry("idx_triggers_workflowdefinitionid", "Triggers(WorkflowDefinitionId)"),
			Map.entry("idx_triggers_hash", "Triggers(Hash)"),
			Map.entry("idx_workflowtags_workflowdefinitionid", "WorkflowTags(WorkflowDefinitionId)"),
			Map.entry("idx_workflowtags_tag", "WorkflowTags(Tag)"),
			Map.entry("idx_customactivitydefinitions_name", "CustomActivityDefinitions(Name)"),
			Map.entry("idx_customactivitydefinitions_category", "CustomActivityDefinitions(Category)"));

	private static final String COLUMNS = """
			SELECT table_name, column_name, data_type, character_maximum_length
			FROM information_schema.columns
			WHERE table_schema = current_schema()
			""";

	private static final String TABLES = """
			SELECT table_name
			FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
			""";

	private static final String INDEXES = """
			SELECT indexname, tablename, indexdef
			FROM pg_indexes
			WHERE schemaname = current_schema()
			""";

	private static final String PRIMARY_KEYS = """
			SELECT constraints.table_name, keys.column_name
			FROM information_schema.table_constraints constraints
			JOIN information_schema.key_column_usage keys
			  ON keys.constraint_schema = constraints.constraint_schema
			 AND keys.constraint_name = constraints.constraint_name
			WHERE constraints.table_schema = current_schema() AND constraints.constraint_type = 'PRIMARY KEY'
			""";

	private static DatabaseInfo database;

	@BeforeAll
	static void migrateEmptyDatabase() {
		database = TestDatabase.server().migratedDatabase("schema_matches_seed");
	}

	@Test
	void everySeedColumnExistsWithTheSeedsType() throws SQLException {
		List<String> expected = new ArrayList<>();
		SEED_TABLES.forEach((table, columns) -> columns.forEach((column) -> expected.add(qualified(table, column))));
		assertThat(actualColumns()).containsAll(expected);
	}

	@Test
	void seedTablesHaveNoColumnsBeyondTheAllowedOnes() throws SQLException {
		Set<String> allowed = new TreeSet<>();
		SEED_TABLES.forEach((table, columns) -> {
			columns.forEach((column) -> allowed.add(qualified(table, column)));
			ALLOWED_EXTRA_COLUMNS.forEach((column) -> allowed.add(qualified(table, column)));
		});
		allowed.add(qualified("WorkflowDefinitions", "CategoryId uuid"));
		List<String> seedTableColumns = actualColumns().stream()
			.filter((column) -> SEED_TABLES.keySet()
				.stream()
				.anyMatch((table) -> column.startsWith(table.toLowerCase(Locale.ROOT) + ".")))
			.toList();
		assertThat(allowed).containsAll(seedTableColumns);
	}

	@Test
	void migrationsCreateTheSeedTablesAndOnlyTheAllowedOthers() throws SQLException {
		Set<String> expected = new TreeSet<>(ALLOWED_EXTRA_TABLES);
		SEED_TABLES.keySet().forEach((table) -> expected.add(table.toLowerCase(Locale.ROOT)));
		List<String> tables = new ArrayList<>();
		query(TABLES, (row) -> tables.add(row.getString("table_name")));
		assertThat(tables).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void everySeedTableHasIdAsPrimaryKey() throws SQLException {
		Map<String, List<String>> keys = new LinkedHashMap<>();
		query(PRIMARY_KEYS, (row) -> keys.computeIfAbsent(row.getString("table_name"), (table) -> new ArrayList<>())
			.add(row.getString("column_name")));
		SEED_TABLES.keySet()
			.forEach((table) -> assertThat(keys.get(table.toLowerCase(Locale.ROOT))).as(table).containsExactly("id"));
	}

	@Test
	void everySeedIndexExistsOnItsTableAndLeadsWithItsColumn() throws SQLException {
		Map<String, String> indexes = new LinkedHashMap<>();
		query(INDEXES, (row) -> indexes.put(row.getString("indexname"),
				row.getString("tablename") + column(row.getString("indexdef"))));
		Map<String, String> expected = new LinkedHashMap<>();
		SEED_INDEXES.forEach((name, on) -> expected.put(name, on.toLowerCase(Locale.ROOT)));
		assertThat(expected).hasSize(18);
		assertThat(indexes).containsAllEntriesOf(expected);
	}

	@Test
	void seedNamesWorkUnquoted() throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate(
					"""
							INSERT INTO WorkflowInstances (Id, DefinitionId, Status) VALUES ('instance-1', 'definition-1', 'Running')
							""");
			try (ResultSet rows = statement.executeQuery("SELECT Status FROM WorkflowInstances")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString("Status")).isEqualTo("Running");
				assertThat(rows.next()).isFalse();
			}
		}
	}

	/**
	 * A column as {@code table.column type}, lower case, with the type as PostgreSQL
	 * names it.
	 */
	private static String qualified(String table, String seedColumn) {
		String[] nameAndType = seedColumn.split(" ", 2);
		String type = nameAndType[1].replaceFirst("^varchar\\(", "character varying(");
		type = POSTGRES_TYPE_NAMES.getOrDefault(type, type);
		return (table + "." + nameAndType[0]).toLowerCase(Locale.ROOT) + " " + type;
	}

	// The leading key column: a seed index may be widened with further columns (the read
	// API's keyset order) and still serve every query it served.
	private static String column(String indexDefinition) {
		String keys = indexDefinition.substring(indexDefinition.indexOf('(') + 1);
		return "(" + keys.split("[,)]", 2)[0].trim() + ")";
	}

	private static List<String> actualColumns() throws SQLException {
		List<String> columns = new ArrayList<>();
		query(COLUMNS, (row) -> {
			Integer length = row.getObject("character_maximum_length", Integer.class);
			String type = row.getString("data_type") + ((length != null) ? "(" + length + ")" : "");
			columns.add(row.getString("table_name") + "." + row.getString("column_name") + " " + type);
		});
		return columns;
	}

	private static void query(String sql, RowCallback callback) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				callback.accept(rows);
			}
		}
	}

	@FunctionalInterface
	private interface RowCallback {

		void accept(ResultSet row) throws SQLException;

	}

}

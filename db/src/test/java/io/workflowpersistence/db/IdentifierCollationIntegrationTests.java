package io.workflowpersistence.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identifiers, hashes and status codes compare byte by byte (migration V18), all of them,
 * so that no join or lookup compares a "C" column with one in the database's collation;
 * what people read and sort (names, descriptions, tags) keeps the database's collation.
 */
class IdentifierCollationIntegrationTests {

	private static final Pattern IDENTIFIER = Pattern.compile("id|.*id|hash|status|substatus|entitytype");

	private static final String TEXT_COLUMNS = """
			SELECT table_name || '.' || column_name AS name, coalesce(collation_name, 'default') AS collation
			FROM information_schema.columns
			WHERE table_schema = current_schema() AND data_type IN ('character varying', 'text')
			  AND table_name NOT IN ('flyway_schema_history', 'consumeroffsets', 'tableversions')
			""";

	private static DatabaseInfo database;

	@BeforeAll
	static void migrateEmptyDatabase() {
		database = TestDatabase.server().migratedDatabase("identifier_collation");
	}

	@Test
	void everyIdentifierColumnIsInTheCCollationAndEveryOtherTextColumnInTheDatabases() throws SQLException {
		Map<String, String> identifiers = new TreeMap<>();
		Map<String, String> others = new TreeMap<>();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(TEXT_COLUMNS)) {
			while (rows.next()) {
				String name = rows.getString("name");
				String column = name.substring(name.indexOf('.') + 1);
				(IDENTIFIER.matcher(column).matches() ? identifiers : others).put(name, rows.getString("collation"));
			}
		}

		assertThat(identifiers).containsKeys("workflowinstances.id", "activityexecutionrecords.workflowinstanceid",
				"tombstones.id", "removedinstances.id", "bookmarks.hash", "instancecountdeltas.definitionid");
		assertThat(identifiers).allSatisfy((column, collation) -> assertThat(collation).as(column).isEqualTo("C"));
		assertThat(others).containsKeys("workflowinstances.name", "workflowtags.tag");
		assertThat(others).allSatisfy((column, collation) -> assertThat(collation).as(column).isEqualTo("default"));
	}

}

package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.workflowpersistence.db.testing.DatabaseInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison of final rows against the tests' PostgreSQL: two migrated databases
 * written the same way, at different times and in a different order.
 */
class TableDigestsIntegrationTests {

	private static final String CATEGORY = """
			INSERT INTO WorkflowCategories (Id, Name, Color, EventVersion, IngestedAt)
			VALUES ('%s', '%s', '#00ff00', %d, now() - interval '%d minutes')
			""";

	private static final String TOMBSTONE = """
			INSERT INTO Tombstones (EntityType, Id, EventVersion, DeletedAt)
			VALUES ('workflow.instance', '%s', 3, now() - interval '%d minutes')
			""";

	private DatabaseInfo reference;

	private DatabaseInfo other;

	@BeforeEach
	void createDatabases() {
		this.reference = Databases.migrated("bench_digest");
		this.other = Databases.migrated("bench_digest");
	}

	@AfterEach
	void dropDatabases() {
		Databases.drop(this.reference);
		Databases.drop(this.other);
	}

	@Test
	void theSameRowsWrittenAtOtherTimesAndInAnotherOrderAreIdentical() throws SQLException {
		execute(this.reference, CATEGORY.formatted(id(1), "Billing", 1, 0), CATEGORY.formatted(id(2), "Hr", 4, 0),
				TOMBSTONE.formatted("wf-1", 0));
		execute(this.other, TOMBSTONE.formatted("wf-1", 30), CATEGORY.formatted(id(2), "Hr", 4, 30),
				CATEGORY.formatted(id(1), "Billing", 1, 60));

		assertThat(TableDigests.of(this.other).differingFrom(TableDigests.of(this.reference))).isEmpty();
	}

	@Test
	void aRowOfAnotherVersionOrAMissingRowMakesItsTableDiffer() throws SQLException {
		execute(this.reference, CATEGORY.formatted(id(1), "Billing", 1, 0), CATEGORY.formatted(id(2), "Hr", 4, 0),
				TOMBSTONE.formatted("wf-1", 0), TOMBSTONE.formatted("wf-2", 0));
		execute(this.other, CATEGORY.formatted(id(1), "Billing", 1, 0), CATEGORY.formatted(id(2), "Hr", 3, 0),
				TOMBSTONE.formatted("wf-1", 0));

		assertThat(TableDigests.of(this.other).differingFrom(TableDigests.of(this.reference)))
			.containsExactly("WorkflowCategories", "Tombstones");
	}

	@Test
	void rowsThatSwapAColumnsValuesDiffer() throws SQLException {
		execute(this.reference, CATEGORY.formatted(id(1), "Billing", 1, 0), CATEGORY.formatted(id(2), "Hr", 4, 0));
		execute(this.other, CATEGORY.formatted(id(1), "Hr", 1, 0), CATEGORY.formatted(id(2), "Billing", 4, 0));

		assertThat(TableDigests.of(this.other).differingFrom(TableDigests.of(this.reference)))
			.containsExactly("WorkflowCategories");
	}

	private static String id(int number) {
		return "00000000-0000-0000-0000-%012d".formatted(number);
	}

	private static void execute(DatabaseInfo database, String... statements) throws SQLException {
		try (Connection connection = Databases.connect(database); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}

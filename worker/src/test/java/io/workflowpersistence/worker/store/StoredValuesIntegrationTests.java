package io.workflowpersistence.worker.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.events.ActivityExecutionRecord;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.WorkflowDefinition;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.worker.store.SqlArrays.TypedArray;
import io.workflowpersistence.worker.testing.DatabaseUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The values {@link EntityStore} writes are the values of the events, whatever the way
 * {@link SqlArrays} sends them: timestamps to the microsecond as PostgreSQL reads their
 * text, JSON and text with quotes, backslashes and characters beyond ASCII, and nulls in
 * every column type.
 */
class StoredValuesIntegrationTests {

	static DatabaseInfo database;

	static EntityStore store;

	static JdbcClient jdbc;

	static TransactionTemplate transaction;

	@BeforeAll
	static void database() {
		database = DatabaseUsers.create("storedvalues").worker();
		JdbcTemplate template = new JdbcTemplate(database.dataSource());
		store = new EntityStore(template, new TagStore(template));
		jdbc = JdbcClient.create(template);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(template.getDataSource()));
	}

	@Test
	void timestampsAreStoredAsPostgreSQLReadsTheirText() throws SQLException {
		List<Instant> instants = new ArrayList<>(
				List.of(Instant.parse("2026-03-01T08:00:00.1234567Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
						Instant.parse("1969-12-31T23:59:59.9999995Z"), Instant.parse("1999-12-31T23:59:59.9999995Z"),
						Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("1900-02-28T12:00:00.0000005Z"),
						Instant.parse("1900-02-28T12:00:00.0000015Z"), Instant.parse("0001-01-01T00:00:00Z"),
						Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("2026-10-25T01:30:00.123456500Z")));
		Random random = new Random(42);
		for (int i = 0; i < 10_000; i++) {
			instants.add(Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 5_000_000_000L),
					(i % 2 == 0) ? random.nextInt(1_000_000) * 500 : random.nextInt(1_000_000_000)));
		}
		instants.add(null);
		Object[] bound = instants.toArray();
		Object[] text = instants.stream().map((instant) -> (instant != null) ? instant.toString() : null).toArray();
		try (Connection connection = database.dataSource().getConnection();
				PreparedStatement statement = SqlArrays.bind(connection, """
						SELECT count(*), count(*) FILTER (WHERE Bound IS DISTINCT FROM Text::timestamptz)
						FROM unnest(?::timestamptz[], ?::text[]) AS v(Bound, Text)
						""", List.of(new TypedArray("timestamptz", bound), new TypedArray("varchar", text)));
				ResultSet result = statement.executeQuery()) {
			result.next();
			assertThat(result.getLong(1)).isEqualTo(instants.size());
			assertThat(result.getLong(2)).isZero();
		}
	}

	@Test
	void timestampsPostgreSQLCannotReadAsTextAreStillRefused() throws SQLException {
		Object[] instants = { Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("0000-12-31T23:59:59Z") };
		try (Connection connection = database.dataSource().getConnection();
				PreparedStatement statement = SqlArrays.bind(connection, "SELECT ?::timestamptz[]",
						List.of(new TypedArray("timestamptz", instants)))) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(statement::executeQuery)
				.withMessageContaining("out of range");
		}
	}

	@Test
	void textAndJsonAreStoredAsTheyCame() {
		String id = UUID.randomUUID() + "-\"quoted\" \\ back{slash}, é 😀";
		String data = "{\"text\": \"a \\\"quote\\\", a backslash \\\\, {braces}, NULL, é, \\u2028, 😀\", \"n\": [1, null]}";
		Instant started = Instant.parse("1969-07-20T20:17:40.123456Z");
		ActivityExecutionRecord record = new ActivityExecutionRecord(id, "wi", "a\tb", "n\n1", "NULL", "{\"}",
				"Running", data, "line 1\nline 2 \\ \"", started, Instant.parse("2262-04-11T23:47:16.854775Z"));
		apply(new WorkflowEvent("evt", "/tests", EntityType.WORKFLOW_ACTIVITY, Operation.UPSERTED, id,
				new OrderingKey(1L, started), record));

		Map<String, Object> row = jdbc.sql("""
				SELECT ActivityId, ActivityNodeId, ActivityName, ActivityType, Exception,
				       Data = :data::jsonb AS SameData, StartedAt, CompletedAt, EventTime
				FROM ActivityExecutionRecords WHERE Id = :id
				""").param("data", data).param("id", id).query().singleRow();
		assertThat(row).containsEntry("activityid", "a\tb")
			.containsEntry("activitynodeid", "n\n1")
			.containsEntry("activityname", "NULL")
			.containsEntry("activitytype", "{\"}")
			.containsEntry("exception", "line 1\nline 2 \\ \"")
			.containsEntry("samedata", true);
		assertThat(instant(row.get("startedat"))).isEqualTo(started);
		assertThat(instant(row.get("completedat"))).isEqualTo(Instant.parse("2262-04-11T23:47:16.854775Z"));
		assertThat(instant(row.get("eventtime"))).isEqualTo(started);
	}

	@Test
	void nullsAreStoredInEveryColumnType() {
		String id = UUID.randomUUID().toString();
		WorkflowDefinition definition = new WorkflowDefinition(id, "def", 1, null, null, null, null, null, null, null,
				null, null, List.of());
		apply(new WorkflowEvent("evt", "/tests", EntityType.WORKFLOW_DEFINITION, Operation.UPSERTED, id,
				new OrderingKey(null, Instant.parse("2026-01-01T00:00:00Z")), definition));

		Map<String, Object> row = jdbc.sql("""
				SELECT Name, IsLatest, IsPublished, Data, CreatedAt, UpdatedAt, CategoryId, EventVersion, EventTime
				FROM WorkflowDefinitions WHERE Id = :id
				""").param("id", id).query().singleRow();
		assertThat(row).containsEntry("name", null)
			.containsEntry("islatest", null)
			.containsEntry("ispublished", null)
			.containsEntry("data", null)
			.containsEntry("createdat", null)
			.containsEntry("updatedat", null)
			.containsEntry("categoryid", null)
			.containsEntry("eventversion", null);
		assertThat(instant(row.get("eventtime"))).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
	}

	private static void apply(WorkflowEvent event) {
		Map<EntityType, Integer> applied = transaction.execute((status) -> store.applyAll(List.of(event)));
		assertThat(applied).containsEntry(event.entityType(), 1);
	}

	private static Instant instant(Object timestamp) {
		if (timestamp instanceof Timestamp sql) {
			return sql.toInstant();
		}
		return ((OffsetDateTime) timestamp).toInstant();
	}

}

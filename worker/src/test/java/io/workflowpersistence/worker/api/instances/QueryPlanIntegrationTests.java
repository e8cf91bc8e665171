package io.workflowpersistence.worker.api.instances;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.Cursor;
import io.workflowpersistence.worker.api.CursorCodec;
import io.workflowpersistence.worker.api.KeysetSql;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main queries of the read API, as the API builds them, are served by indexes on a
 * table of 200,000 instances and 400,000 activity records: PostgreSQL's plan for none of
 * them reads WorkflowInstances or ActivityExecutionRecords sequentially.
 */
class QueryPlanIntegrationTests {

	private static final int INSTANCES = 200_000;

	private static final String LOAD_INSTANCES = """
			INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersionId, Version, Status, SubStatus,
			                               CorrelationId, Name, Data, CreatedAt, UpdatedAt, FinishedAt, EventVersion)
			SELECT 'inst-' || lpad(n::text, 7, '0'), 'def-' || (n % 2000), 'def-' || (n % 2000) || ':v1', 1,
			       CASE WHEN n % 50 = 0 THEN 'Faulted' WHEN n % 10 < 3 THEN 'Running' ELSE 'Finished' END,
			       CASE WHEN n % 50 = 0 THEN 'Faulted' WHEN n % 10 < 2 THEN 'Suspended'
			            WHEN n % 10 < 3 THEN 'Executing' ELSE 'Finished' END,
			       'corr-' || n, 'Order ' || n || ' of customer ' || (n % 997),
			       jsonb_build_object('input', repeat('x', 300), 'n', n),
			       timestamptz '2024-01-01 00:00:00Z' + (n / 100) * interval '1 second',
			       timestamptz '2024-01-01 00:00:00Z' + (n / 100) * interval '1 second' + (n % 37) * interval '1 minute',
			       CASE WHEN n % 10 >= 3 THEN timestamptz '2024-01-01 00:00:00Z' + (n / 100) * interval '1 second'
			                                  + (n % 41) * interval '1 minute' END,
			       1
			FROM generate_series(1, :rows) n""";

	private static final String LOAD_ACTIVITIES = """
			INSERT INTO ActivityExecutionRecords (Id, WorkflowInstanceId, ActivityId, ActivityName, ActivityType,
			                                      Status, Data, StartedAt, EventVersion)
			SELECT 'act-' || n || '-' || a, 'inst-' || lpad(n::text, 7, '0'), 'activity-' || a, 'Step ' || a,
			       'Elsa.WriteLine', CASE WHEN a = 2 AND n % 10 < 3 THEN 'Running' ELSE 'Completed' END,
			       jsonb_build_object('a', a),
			       CASE WHEN a = 2 AND n % 10 < 3 THEN NULL
			            ELSE timestamptz '2024-01-01 00:00:00Z' + (n / 100) * interval '1 second' + a * interval '1 ms' END,
			       1
			FROM generate_series(1, :rows) n, generate_series(1, 2) a""";

	private static final String LOAD_BOOKMARKS = """
			INSERT INTO Bookmarks (Id, WorkflowInstanceId, ActivityId, Name, Hash, EventVersion)
			SELECT 'bm-' || n, 'inst-' || lpad(n::text, 7, '0'), 'activity-2', 'Elsa.Event', 'hash-' || (n % 5000), 1
			FROM generate_series(1, :rows, 5) n""";

	private static NamedParameterJdbcTemplate jdbc;

	@BeforeAll
	static void loadTables() {
		DatabaseInfo database = TestDatabase.server().migratedDatabase("query_plans");
		jdbc = new NamedParameterJdbcTemplate(database.dataSource());
		Map<String, Integer> rows = Map.of("rows", INSTANCES);
		jdbc.update(LOAD_INSTANCES, rows);
		jdbc.update(LOAD_ACTIVITIES, rows);
		jdbc.update(LOAD_BOOKMARKS, rows);
		// As autovacuum would: fresh statistics, and a visibility map for index-only
		// scans.
		jdbc.getJdbcTemplate().execute("VACUUM ANALYZE");
	}

	@Test
	void tablesHoldTheRowsOfTheTest() {
		Map<String, Object> counts = jdbc.getJdbcTemplate()
			.queryForMap("SELECT (SELECT count(*) FROM WorkflowInstances) AS instances, "
					+ "(SELECT count(*) FROM ActivityExecutionRecords) AS activities");
		assertThat(counts).containsEntry("instances", (long) INSTANCES).containsEntry("activities", 2L * INSTANCES);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mainQueries")
	void noMainQueryReadsTheLargeTablesSequentially(String name, SqlQuery query) {
		List<String> plan = jdbc.queryForList("EXPLAIN " + query.sql(), query.parameters(), String.class);
		assertThat(plan).as(String.join("\n", plan))
			.noneMatch((line) -> line.contains("Seq Scan on workflowinstances")
					|| line.contains("Seq Scan on activityexecutionrecords"));
	}

	static Stream<Arguments> mainQueries() {
		String middle = CursorCodec
			.encode(new Cursor("createdAt", true, Instant.parse("2024-01-01T00:16:40Z"), "inst-0100050"));
		String finishedNull = CursorCodec.encode(new Cursor("finishedAt", true, null, "inst-0100001"));
		return Stream.of(query("list, default order", list()),
				query("list, a page deep inside", list("cursor", middle)),
				query("list by status", list("status", "Faulted")),
				query("list by several statuses", list("status", "Faulted", "status", "Running")),
				query("list by definition", list("definitionId", "def-17")),
				query("list by several definitions", list("definitionId", "def-17", "definitionId", "def-18")),
				query("list by correlation id", list("correlationId", "corr-12345")),
				query("list by rare name substring", list("name", "Order 12345 ")),
				query("list by common name substring", list("name", "customer")),
				query("list by creation range",
						list("createdFrom", "2024-01-01T00:10:00Z", "createdTo", "2024-01-01T00:20:00Z")),
				query("list by updatedAt ascending", list("sort", "updatedAt", "order", "asc")),
				query("list by finishedAt, among unfinished", list("sort", "finishedAt", "cursor", finishedNull)),
				query("list by status and updatedAt", list("status", "Faulted", "sort", "updatedAt")),
				query("list by status and definition", list("status", "Running", "definitionId", "def-12")),
				query("list by status and definition, by updatedAt",
						list("status", "Running", "definitionId", "def-12", "sort", "updatedAt")),
				query("count by status", count(list("status", "Faulted"))),
				Arguments.of("instance by id", InstanceRepository.findByIdQuery("inst-0100000")),
				Arguments.of("activities of an instance", activities(null)),
				Arguments.of("activities of an instance by status", activities(List.of("Running"))),
				Arguments.of("stats", InstanceRepository.countByStatusQuery(filter(list()))),
				Arguments.of("stats by definition",
						InstanceRepository.countByStatusQuery(filter(list("definitionId", "def-17")))),
				Arguments.of("stats by definition and creation range",
						InstanceRepository.countByStatusQuery(filter(list("definitionId", "def-17", "createdFrom",
								"2024-01-01T00:10:00Z", "createdTo", "2024-01-01T00:20:00Z")))));
	}

	private static Arguments query(String name, InstanceListRequest request) {
		return Arguments.of(name, InstanceRepository.pageQuery(request));
	}

	private static Arguments query(String name, SqlQuery query) {
		return Arguments.of(name, query);
	}

	private static SqlQuery count(InstanceListRequest request) {
		return KeysetSql.count(InstanceRepository.SOURCE, request.filter().where());
	}

	private static InstanceFilter filter(InstanceListRequest request) {
		return request.filter();
	}

	private static SqlQuery activities(List<String> statuses) {
		return ActivityRepository.pageQuery("inst-0100000", statuses, new PageRequest(50, null, false));
	}

	private static InstanceListRequest list(String... pairs) {
		Map<String, List<String>> values = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.computeIfAbsent(pairs[i], (key) -> new ArrayList<>()).add(pairs[i + 1]);
		}
		InstanceListParameters parameters = new InstanceListParameters(
				new InstanceFilterParameters(values.get("status"), one(values, "subStatus"), values.get("definitionId"),
						one(values, "correlationId"), one(values, "name"), one(values, "createdFrom"),
						one(values, "createdTo"), one(values, "updatedFrom"), one(values, "updatedTo")),
				new InstancePageParameters(one(values, "sort"), one(values, "order"), one(values, "limit"),
						one(values, "cursor"), one(values, "count")));
		return InstanceListRequest.read(parameters, ApiProperties.defaults());
	}

	private static String one(Map<String, List<String>> values, String name) {
		return values.containsKey(name) ? values.get(name).get(0) : null;
	}

}

package io.workflowpersistence.worker.api.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.worker.api.ReadQueries;
import io.workflowpersistence.worker.api.SqlQuery;
import io.workflowpersistence.worker.api.instances.KeptInstanceCounts;
import io.workflowpersistence.worker.api.dashboard.DashboardSummary.StatusCount;

import org.springframework.stereotype.Component;

/**
 * Reads the dashboard's numbers without counting rows, on the read API's pool (its
 * statement timeout and connection limit): the instance counts the database keeps, and
 * PostgreSQL's own estimates for the other tables, which cost the same on a billion rows
 * as on ten.
 */
@Component
class DashboardQueries {

	/** The fields of {@link DashboardSummary} that are estimates. */
	static final List<String> ESTIMATED = List.of("activities", "activityTotal", "bookmarkTotal", "definitionTotal");

	// The live rows the statistics system tracks: every committed insert and delete,
	// reported by each server process within about a second of its commit.
	private static final String LIVE_ROWS = """
			SELECT pg_stat_get_live_tuples('ActivityExecutionRecords'::regclass) AS Activities,
			       pg_stat_get_live_tuples('Bookmarks'::regclass) AS Bookmarks,
			       pg_stat_get_live_tuples('WorkflowDefinitions'::regclass) AS Definitions
			""";

	// The share of each status in the sample of the last ANALYZE, scaled to the live
	// rows; a status too rare to be among the most common values is left out, and before
	// the first ANALYZE there is none.
	private static final String ACTIVITIES_BY_STATUS = """
			SELECT v.Status, round(v.Frequency * pg_stat_get_live_tuples(c.oid))::bigint AS Count
			FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = 'status'
			CROSS JOIN LATERAL unnest(s.most_common_vals::text::text[], s.most_common_freqs) AS v(Status, Frequency)
			WHERE c.oid = 'ActivityExecutionRecords'::regclass
			ORDER BY v.Status
			""";

	private final ReadQueries queries;

	private final KeptInstanceCounts instanceCounts;

	DashboardQueries(ReadQueries queries, KeptInstanceCounts instanceCounts) {
		this.queries = queries;
		this.instanceCounts = instanceCounts;
	}

	DashboardSummary summary() {
		List<StatusCount> instances = this.instanceCounts.byStatus()
			.stream()
			.map((count) -> new StatusCount(count.status(), count.subStatus(), count.count()))
			.toList();
		List<StatusCount> activities = this.queries.list(new SqlQuery(ACTIVITIES_BY_STATUS, Map.of()),
				(row, number) -> new StatusCount(row.getString("Status"), null, row.getLong("Count")));
		LiveRows live = this.queries
			.optional(new SqlQuery(LIVE_ROWS, Map.of()),
					(row, number) -> new LiveRows(row.getLong("Activities"), row.getLong("Bookmarks"),
							row.getLong("Definitions")))
			.orElseThrow();
		return new DashboardSummary(instances, instances.stream().mapToLong(StatusCount::count).sum(), activities,
				live.activities(), live.bookmarks(), live.definitions(), Instant.now(), ESTIMATED);
	}

	private record LiveRows(long activities, long bookmarks, long definitions) {
	}

}

package io.workflowpersistence.worker.dashboard;

import java.time.Instant;
import java.util.List;

import io.workflowpersistence.worker.dashboard.DashboardSummary.StatusCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the rows the dashboard shows, in one read-only transaction so that the numbers
 * agree with each other.
 */
@Component
class DashboardQueries {

	private static final String INSTANCES_BY_STATUS = """
			SELECT Status, SubStatus, count(*) AS Count
			FROM WorkflowInstances
			GROUP BY Status, SubStatus
			ORDER BY Status, SubStatus
			""";

	private static final String ACTIVITIES_BY_STATUS = """
			SELECT Status, NULL AS SubStatus, count(*) AS Count
			FROM ActivityExecutionRecords
			GROUP BY Status
			ORDER BY Status
			""";

	private static final String BOOKMARKS = """
			SELECT count(*) FROM Bookmarks
			""";

	private static final String DEFINITIONS = """
			SELECT count(*) FROM WorkflowDefinitions
			""";

	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	DashboardSummary summary() {
		List<StatusCount> instances = byStatus(INSTANCES_BY_STATUS);
		List<StatusCount> activities = byStatus(ACTIVITIES_BY_STATUS);
		return new DashboardSummary(instances, total(instances), activities, total(activities), count(BOOKMARKS),
				count(DEFINITIONS), Instant.now());
	}

	private List<StatusCount> byStatus(String sql) {
		return this.jdbc.sql(sql)
			.query((row, number) -> new StatusCount(row.getString("Status"), row.getString("SubStatus"),
					row.getLong("Count")))
			.list();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static long total(List<StatusCount> counts) {
		return counts.stream().mapToLong(StatusCount::count).sum();
	}

}

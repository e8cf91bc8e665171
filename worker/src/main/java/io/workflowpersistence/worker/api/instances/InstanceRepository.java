package io.workflowpersistence.worker.api.instances;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.workflowpersistence.worker.api.KeysetSql;
import io.workflowpersistence.worker.api.KeysetSql.Ordering;
import io.workflowpersistence.worker.api.KeysetSql.Source;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.ReadQueries;
import io.workflowpersistence.worker.api.SqlQuery;
import io.workflowpersistence.worker.api.Where;

import org.springframework.stereotype.Repository;

/**
 * Reads workflow instances: keyset pages, one instance with its counts, counts by status.
 */
@Repository
class InstanceRepository {

	private static final String FIND_BY_ID = """
			SELECT i.Id, i.DefinitionId, i.DefinitionVersionId, i.Version, i.Status, i.SubStatus,
			       i.CorrelationId, i.Name, i.Data, i.CreatedAt, i.UpdatedAt, i.FinishedAt,
			       (SELECT count(*) FROM ActivityExecutionRecords a WHERE a.WorkflowInstanceId = i.Id) AS ActivityCount,
			       (SELECT count(*) FROM Bookmarks b WHERE b.WorkflowInstanceId = i.Id) AS BookmarkCount
			FROM WorkflowInstances i
			WHERE i.Id = :id""";

	private static final String EXISTS = """
			SELECT 1 FROM WorkflowInstances WHERE Id = :id""";

	private static final String COUNT_BY_STATUS = """
			SELECT Status, SubStatus, count(*) AS Count
			FROM WorkflowInstances
			%s
			GROUP BY Status, SubStatus
			ORDER BY Status, SubStatus NULLS LAST""";

	// The counts the triggers of migration V12 keep: a group's count is the sum of its
	// rows, which compaction keeps to about one per group.
	private static final String KEPT_COUNT_BY_STATUS = """
			SELECT Status, SubStatus, sum(Delta)::bigint AS Count
			FROM InstanceCountDeltas
			%s
			GROUP BY Status, SubStatus
			HAVING sum(Delta) <> 0
			ORDER BY Status, SubStatus NULLS LAST""";

	private static final String KEPT_COUNT = """
			SELECT coalesce(sum(Delta), 0)::bigint FROM InstanceCountDeltas %s""";

	static final Source SOURCE = new Source(InstanceSummary.COLUMNS, "WorkflowInstances", "Id");

	private final ReadQueries queries;

	InstanceRepository(ReadQueries queries) {
		this.queries = queries;
	}

	Page<InstanceSummary> page(InstanceListRequest request) {
		return this.queries.page(pageQuery(request), countQuery(request.filter()), request.page(),
				InstanceSummary.MAPPER, (row) -> request.sort().cursorAfter(row, request.descending()));
	}

	Optional<InstanceDetails> findById(String id) {
		return this.queries.optional(findByIdQuery(id), InstanceDetails.MAPPER);
	}

	boolean exists(String id) {
		return this.queries.optional(new SqlQuery(EXISTS, Map.of("id", id)), (rs, rowNum) -> true).isPresent();
	}

	List<InstanceStats.Row> countByStatus(InstanceFilter filter) {
		return this.queries.list(countByStatusQuery(filter), InstanceStats.Row.MAPPER);
	}

	static SqlQuery pageQuery(InstanceListRequest request) {
		Ordering ordering = new Ordering(request.sort().column(), request.descending());
		return KeysetSql.sortedPage(SOURCE, request.filter().where(), ordering, request.page());
	}

	static SqlQuery findByIdQuery(String id) {
		return new SqlQuery(FIND_BY_ID, Map.of("id", id));
	}

	static SqlQuery countQuery(InstanceFilter filter) {
		Where where = filter.where();
		if (filter.answeredByKeptCounts()) {
			return new SqlQuery(KEPT_COUNT.formatted(where.clause()), where.parameters());
		}
		return KeysetSql.count(SOURCE, where);
	}

	static SqlQuery countByStatusQuery(InstanceFilter filter) {
		Where where = filter.where();
		String sql = filter.answeredByKeptCounts() ? KEPT_COUNT_BY_STATUS : COUNT_BY_STATUS;
		return new SqlQuery(sql.formatted(where.clause()), where.parameters());
	}

}

package io.workflowpersistence.worker.api.instances;

import java.util.List;

import io.workflowpersistence.worker.api.Cursor;
import io.workflowpersistence.worker.api.KeysetSql;
import io.workflowpersistence.worker.api.KeysetSql.Ordering;
import io.workflowpersistence.worker.api.KeysetSql.Source;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.ReadQueries;
import io.workflowpersistence.worker.api.SqlQuery;
import io.workflowpersistence.worker.api.Where;

import org.springframework.stereotype.Repository;

/**
 * Reads the activity execution records of an instance, by startedAt then id, NULLs last.
 */
@Repository
class ActivityRepository {

	static final String SORT = "startedAt";

	static final Source SOURCE = new Source(ActivityRecord.COLUMNS, "ActivityExecutionRecords", "Id");

	private static final Ordering ORDERING = new Ordering("StartedAt", false);

	private final ReadQueries queries;

	ActivityRepository(ReadQueries queries) {
		this.queries = queries;
	}

	Page<ActivityRecord> page(String instanceId, List<String> statuses, PageRequest page) {
		Where where = where(instanceId, statuses);
		return this.queries.page(pageQuery(instanceId, statuses, page), KeysetSql.count(SOURCE, where), page,
				ActivityRecord.MAPPER, (row) -> new Cursor(SORT, false, row.startedAt(), row.id()));
	}

	static SqlQuery pageQuery(String instanceId, List<String> statuses, PageRequest page) {
		return KeysetSql.sortedPage(SOURCE, where(instanceId, statuses), ORDERING, page);
	}

	private static Where where(String instanceId, List<String> statuses) {
		return new Where().equal("WorkflowInstanceId", "instanceId", instanceId).in("Status", "status", statuses);
	}

}

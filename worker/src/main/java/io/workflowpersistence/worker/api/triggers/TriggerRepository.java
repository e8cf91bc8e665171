package io.workflowpersistence.worker.api.triggers;

import io.workflowpersistence.worker.api.Cursor;
import io.workflowpersistence.worker.api.KeysetSql;
import io.workflowpersistence.worker.api.KeysetSql.Source;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.ReadQueries;
import io.workflowpersistence.worker.api.Where;

import org.springframework.stereotype.Repository;

/**
 * Reads triggers, by id.
 */
@Repository
class TriggerRepository {

	private static final Source SOURCE = new Source(Trigger.COLUMNS, "Triggers", "Id");

	private final ReadQueries queries;

	TriggerRepository(ReadQueries queries) {
		this.queries = queries;
	}

	Page<Trigger> page(Where where, PageRequest page) {
		String after = (page.after() != null) ? page.after().id() : null;
		return this.queries.page(KeysetSql.idPage(SOURCE, where, page, after), KeysetSql.count(SOURCE, where), page,
				Trigger.MAPPER, (row) -> Cursor.afterId(row.id()));
	}

}

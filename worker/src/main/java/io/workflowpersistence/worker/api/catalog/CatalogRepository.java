package io.workflowpersistence.worker.api.catalog;

import io.workflowpersistence.worker.api.Cursor;
import io.workflowpersistence.worker.api.KeysetSql;
import io.workflowpersistence.worker.api.KeysetSql.Source;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.ReadQueries;
import io.workflowpersistence.worker.api.Where;

import org.springframework.stereotype.Repository;

/**
 * Reads workflow categories and custom activity definitions, by id.
 */
@Repository
class CatalogRepository {

	private static final Source CATEGORIES = new Source(Category.COLUMNS, "WorkflowCategories", "Id");

	private static final Source ACTIVITY_DEFINITIONS = new Source(ActivityDefinition.COLUMNS,
			"CustomActivityDefinitions", "Id");

	private final ReadQueries queries;

	CatalogRepository(ReadQueries queries) {
		this.queries = queries;
	}

	Page<Category> categories(PageRequest page) {
		Where where = new Where();
		return this.queries.page(KeysetSql.idPage(CATEGORIES, where, page, page.afterUuid()),
				KeysetSql.count(CATEGORIES, where), page, Category.MAPPER,
				(row) -> Cursor.afterId(row.id().toString()));
	}

	Page<ActivityDefinition> activityDefinitions(Where where, PageRequest page) {
		return this.queries.page(KeysetSql.idPage(ACTIVITY_DEFINITIONS, where, page, page.afterUuid()),
				KeysetSql.count(ACTIVITY_DEFINITIONS, where), page, ActivityDefinition.MAPPER,
				(row) -> Cursor.afterId(row.id().toString()));
	}

}

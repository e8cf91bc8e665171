package io.workflowpersistence.worker.api.bookmarks;

import java.util.Map;

import io.workflowpersistence.worker.api.Cursor;
import io.workflowpersistence.worker.api.KeysetSql;
import io.workflowpersistence.worker.api.KeysetSql.Source;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.ReadQueries;
import io.workflowpersistence.worker.api.SqlQuery;
import io.workflowpersistence.worker.api.Where;

import org.springframework.stereotype.Repository;

/**
 * Reads bookmarks, by id.
 */
@Repository
class BookmarkRepository {

	private static final String INSTANCE_EXISTS = """
			SELECT 1 FROM WorkflowInstances WHERE Id = :id""";

	private static final Source SOURCE = new Source(Bookmark.COLUMNS, "Bookmarks", "Id");

	private final ReadQueries queries;

	BookmarkRepository(ReadQueries queries) {
		this.queries = queries;
	}

	Page<Bookmark> page(Where where, PageRequest page) {
		String after = (page.after() != null) ? page.after().id() : null;
		return this.queries.page(KeysetSql.idPage(SOURCE, where, page, after), KeysetSql.count(SOURCE, where), page,
				Bookmark.MAPPER, (row) -> Cursor.afterId(row.id()));
	}

	boolean instanceExists(String instanceId) {
		return this.queries.optional(new SqlQuery(INSTANCE_EXISTS, Map.of("id", instanceId)), (rs, rowNum) -> true)
			.isPresent();
	}

}

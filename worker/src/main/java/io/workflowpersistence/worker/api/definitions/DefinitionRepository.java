package io.workflowpersistence.worker.api.definitions;

import java.util.Map;
import java.util.Optional;

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
 * Reads workflow definitions with their tags, by id.
 */
@Repository
class DefinitionRepository {

	static final String HAS_TAG = """
			EXISTS (SELECT 1 FROM WorkflowTags t WHERE t.WorkflowDefinitionId = d.Id AND t.Tag = :tag)""";

	private static final String FIND_BY_ID = """
			SELECT %s
			FROM WorkflowDefinitions d
			WHERE d.Id = :id""".formatted(DefinitionDetails.COLUMNS);

	private static final Source SOURCE = new Source(DefinitionSummary.COLUMNS, "WorkflowDefinitions d", "d.Id");

	private final ReadQueries queries;

	DefinitionRepository(ReadQueries queries) {
		this.queries = queries;
	}

	Page<DefinitionSummary> page(Where where, PageRequest page) {
		String after = (page.after() != null) ? page.after().id() : null;
		return this.queries.page(KeysetSql.idPage(SOURCE, where, page, after), KeysetSql.count(SOURCE, where), page,
				DefinitionSummary.MAPPER, (row) -> Cursor.afterId(row.id()));
	}

	Optional<DefinitionDetails> findById(String id) {
		return this.queries.optional(new SqlQuery(FIND_BY_ID, Map.of("id", id)), DefinitionDetails.MAPPER);
	}

}

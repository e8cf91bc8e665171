package io.workflowpersistence.worker.api;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.workflowpersistence.worker.api.KeysetSql.Ordering;
import io.workflowpersistence.worker.api.KeysetSql.Source;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetSqlTests {

	private static final Source SOURCE = new Source("Id, CreatedAt", "WorkflowInstances", "Id");

	private static final Ordering NEWEST_FIRST = new Ordering("CreatedAt", true);

	@Test
	void firstPageReadsTheRowsWithAValueThenTheRowsWithout() {
		SqlQuery query = KeysetSql.sortedPage(SOURCE, new Where(), NEWEST_FIRST, new PageRequest(50, null, false));
		assertThat(query.sql()).contains("WHERE CreatedAt IS NOT NULL ORDER BY CreatedAt DESC, Id DESC LIMIT :limit")
			.contains("WHERE CreatedAt IS NULL ORDER BY CreatedAt DESC, Id DESC LIMIT :limit")
			.contains("ORDER BY CreatedAt DESC NULLS LAST, Id DESC");
		assertThat(query.parameters()).containsEntry("limit", 51).doesNotContainKey("afterId");
	}

	@Test
	void pageAfterARowWithAValueContinuesByRowComparison() {
		Cursor cursor = new Cursor("createdAt", true, Instant.EPOCH, "instance-7");
		SqlQuery query = KeysetSql.sortedPage(SOURCE, new Where(), NEWEST_FIRST, new PageRequest(10, cursor, false));
		assertThat(query.sql()).contains("(CreatedAt, Id) < (:afterValue, :afterId)")
			.contains("WHERE CreatedAt IS NULL ORDER BY");
		assertThat(query.parameters()).containsEntry("afterId", "instance-7")
			.containsEntry("afterValue", OffsetDateTime.parse("1970-01-01T00:00:00Z"));
	}

	@Test
	void pageAfterARowWithoutAValueReadsOnlyRowsWithoutOne() {
		Cursor cursor = new Cursor("createdAt", false, null, "instance-7");
		SqlQuery query = KeysetSql.sortedPage(SOURCE, new Where(), new Ordering("CreatedAt", false),
				new PageRequest(10, cursor, false));
		assertThat(query.sql()).doesNotContain("IS NOT NULL").contains("CreatedAt IS NULL AND Id > :afterId");
		assertThat(query.parameters()).doesNotContainKey("afterValue");
	}

	@Test
	void idPageStartsAfterTheCursorId() {
		SqlQuery query = KeysetSql.idPage(SOURCE, new Where().equal("Hash", "hash", "h"),
				new PageRequest(5, null, false), "b-1");
		assertThat(query.sql()).isEqualTo(
				"SELECT Id, CreatedAt FROM WorkflowInstances WHERE Hash = :hash AND Id > :afterId ORDER BY Id LIMIT :limit");
		assertThat(query.parameters()).containsEntry("afterId", "b-1").containsEntry("limit", 6);
	}

	@Test
	void countsWithTheFiltersOnly() {
		SqlQuery query = KeysetSql.count(SOURCE, new Where().equal("Hash", "hash", "h"));
		assertThat(query.sql()).isEqualTo("SELECT count(*) FROM WorkflowInstances WHERE Hash = :hash");
	}

}

package io.workflowpersistence.worker.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WhereTests {

	@Test
	void isEmptyWithoutFilters() {
		Where where = new Where().equal("Status", "status", null).in("DefinitionId", "definitionId", List.of());
		assertThat(where.clause()).isEmpty();
		assertThat(where.parameters()).isEmpty();
	}

	@Test
	void bindsEveryValueAsAParameter() {
		Where where = new Where().equal("Hash", "hash", "' OR 1=1 --").from("CreatedAt", "createdFrom", "x");
		assertThat(where.clause()).isEqualTo("WHERE Hash = :hash AND CreatedAt >= :createdFrom")
			.doesNotContain("OR 1=1");
		assertThat(where.parameters()).containsEntry("hash", "' OR 1=1 --");
	}

	@Test
	void comparesOneValueWithEqualsAndSeveralWithAny() {
		assertThat(new Where().in("Status", "status", List.of("Running")).clause()).isEqualTo("WHERE Status = :status");
		Where several = new Where().in("Status", "status", List.of("Running", "Faulted"));
		assertThat(several.clause()).isEqualTo("WHERE Status = ANY(:status)");
		assertThat((String[]) several.parameters().get("status")).containsExactly("Running", "Faulted");
	}

	@Test
	void anEmptySubstringMatchesEverything() {
		assertThat(new Where().contains("Name", "name", "").clause()).isEmpty();
		assertThat(new Where().contains("Name", "name", "a").clause()).isEqualTo("WHERE Name ILIKE :name");
	}

	@Test
	void matchesLikeWildcardsLiterally() {
		assertThat(Where.containsPattern("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
	}

	@Test
	void addsTheCallersConditions() {
		Where where = new Where().to("UpdatedAt", "updatedTo", "x");
		assertThat(where.clause("Id > :afterId")).isEqualTo("WHERE UpdatedAt < :updatedTo AND Id > :afterId");
		assertThat(new Where().clause("Id > :afterId")).isEqualTo("WHERE Id > :afterId");
	}

}

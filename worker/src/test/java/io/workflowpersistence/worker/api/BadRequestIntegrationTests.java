package io.workflowpersistence.worker.api;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input gets a 400 {@code application/problem+json} answer naming the
 * parameter, never a 500.
 */
class BadRequestIntegrationTests extends ApiIntegrationTestSupport {

	@BeforeAll
	void loadAnInstance() {
		clearTables();
		TableRow.instance("i-1").with("CreatedAt", Instant.parse("2024-05-01T08:00:00Z")).insert(this.jdbc);
		TableRow.instance("i-2").with("CreatedAt", Instant.parse("2024-05-01T09:00:00Z")).insert(this.jdbc);
	}

	@ParameterizedTest(name = "{0}?{1}={2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			/api/v1/instances                  | sort          | name
			/api/v1/instances                  | sort          | createdAt; DROP TABLE WorkflowInstances
			/api/v1/instances                  | order         | up
			/api/v1/instances                  | limit         | 0
			/api/v1/instances                  | limit         | 1001
			/api/v1/instances                  | limit         | fifty
			/api/v1/instances                  | cursor        | not-a-cursor
			/api/v1/instances                  | cursor        | ' OR 1=1 --
			/api/v1/instances                  | createdFrom   | 2024-05-01
			/api/v1/instances                  | createdTo     | 2024-05-01T08:00:00
			/api/v1/instances                  | updatedFrom   | yesterday
			/api/v1/instances                  | updatedTo     | +100000-01-01T00:00:00Z
			/api/v1/instances                  | status        | ' OR 1=1 --
			/api/v1/instances                  | subStatus     | Suspended!
			/api/v1/instances                  | count         | yes
			/api/v1/instances/i-1/activities   | status        | Completed;
			/api/v1/instances/i-1/activities   | limit         | -1
			/api/v1/instances/i-1/bookmarks    | cursor        | %%%
			/api/v1/bookmarks                  | limit         | 1e3
			/api/v1/triggers                   | count         | 1
			/api/v1/definitions                | isLatest      | maybe
			/api/v1/definitions                | categoryId    | ' OR 1=1 --
			/api/v1/categories                 | limit         | 100000
			/api/v1/activity-definitions       | isEnabled     | on
			/api/v1/stats/instances            | createdFrom   | 01/05/2024
			""")
	void refusesABadParameterNamingIt(String path, String parameter, String value) {
		assertThat(get(path, parameter, value).invalidParams()).containsExactly(parameter);
	}

	@Test
	void refusesTheNulCharacterInTextParameters() {
		assertThat(get("/api/v1/instances", "name", "a\0b").invalidParams()).containsExactly("name");
		assertThat(get("/api/v1/bookmarks", "hash", "\0").invalidParams()).containsExactly("hash");
		assertThat(get("/api/v1/instances/a%00b").status()).isEqualTo(400);
	}

	@Test
	void refusesASingleValuedParameterGivenTwice() {
		assertThat(get("/api/v1/instances", "limit", "1", "limit", "2").invalidParams()).containsExactly("limit");
		assertThat(get("/api/v1/bookmarks", "hash", "a", "hash", "b").invalidParams()).containsExactly("hash");
	}

	@Test
	void namesEveryBadParameterOfARequest() {
		assertThat(get("/api/v1/instances", "limit", "0", "sort", "name", "createdFrom", "today").invalidParams())
			.containsExactlyInAnyOrder("limit", "sort", "createdFrom");
	}

	@Test
	void problemsDescribeTheBadParameter() {
		JsonNode problem = get("/api/v1/instances", "limit", "5000").problem(400);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).contains("limit").contains("1000");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/instances");
		assertThat(problem.get("invalidParams").get(0).get("reason").asString()).contains("from 1 to 1000");
	}

	@Test
	void refusesACursorOfAnotherSortOrOrder() {
		String cursor = get("/api/v1/instances", "limit", "1").ok().get("nextCursor").asString();
		assertThat(get("/api/v1/instances", "limit", "1", "cursor", cursor).itemIds()).containsExactly("i-1");
		assertThat(get("/api/v1/instances", "sort", "updatedAt", "cursor", cursor).invalidParams())
			.containsExactly("cursor");
		assertThat(get("/api/v1/instances", "order", "asc", "cursor", cursor).invalidParams())
			.containsExactly("cursor");
		assertThat(get("/api/v1/instances/i-1/activities", "cursor", cursor).invalidParams()).containsExactly("cursor");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{"status": ["Running"                 | body
			not json at all                        | body
			[]                                     | body
			{"status": {"name": "Running"}}        | status
			{"name": {"contains": "x"}}            | name
			{"status": [null]}                     | status
			{"limit": 0}                           | limit
			{"limit": "many"}                      | limit
			{"createdFrom": "2024-05-01"}          | createdFrom
			{"cursor": "' OR 1=1 --"}              | cursor
			""")
	void searchRefusesABadBodyNamingTheField(String body, String name) {
		assertThat(post("/api/v1/instances/search", body).invalidParams()).containsExactly(name);
	}

	@Test
	void searchRefusesAMissingBody() {
		assertThat(post("/api/v1/instances/search", null).invalidParams()).containsExactly("body");
	}

	@Test
	void unknownPathsAndMethodsAreProblemsToo() {
		get("/api/v1/nothing-here").problem(404);
		assertThat(post("/api/v1/instances", "{}").problem(405).get("detail").asString()).contains("POST");
	}

}

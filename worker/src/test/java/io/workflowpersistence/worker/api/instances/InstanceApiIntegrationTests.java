package io.workflowpersistence.worker.api.instances;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.worker.api.ApiIntegrationTestSupport;
import io.workflowpersistence.worker.api.TableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceApiIntegrationTests extends ApiIntegrationTestSupport {

	private static final String INSTANCES = "/api/v1/instances";

	@BeforeAll
	void loadInstances() {
		clearTables();
		instance("i-01", "def-a", "Running", "Executing", "c-1", "Order 100%", "2024-05-01T08:00:00Z",
				"2024-05-01T08:10:00Z", null);
		instance("i-02", "def-a", "Finished", "Finished", "c-2", "order 200", "2024-05-01T09:00:00Z",
				"2024-05-01T09:30:00Z", "2024-05-01T09:30:00Z");
		instance("i-03", "def-b", "Faulted", "Faulted", "c-3", "Invoice", "2024-05-01T09:00:00Z", null,
				"2024-05-01T09:05:00Z");
		instance("i-04", "def-b", "Running", "Suspended", "c-1", "ORDER_300", "2024-05-02T00:00:00Z",
				"2024-05-02T00:00:00Z", null);
		instance("i-05", "def-c", "Finished", null, null, null, null, "2024-05-01T11:00:00Z", "2024-05-01T12:00:00Z");
		instance("i-06", "def-a", "Running", "Suspended", "c-4", "Order 100 percent", "2024-05-01T10:00:00Z",
				"2024-05-01T10:00:00Z", null);
		instance("i-07", "def-c", "Suspended", null, "' OR 1=1 --", "orderx300", "2024-05-01T07:00:00Z",
				"2024-05-01T09:30:00Z", null);
		TableRow.instance("i-08")
			.with("DefinitionId", "def-d")
			.with("Status", "Finished")
			.with("Data", "{\"customer\": {\"id\": 7, \"tags\": [\"a\", \"b\"]}, \"total\": 12.5}")
			.with("CreatedAt", Instant.parse("2024-04-30T00:00:00Z"))
			.insert(this.jdbc);
		for (int i = 1; i <= 3; i++) {
			TableRow.activity("a-" + i, "i-08").insert(this.jdbc);
		}
		TableRow.activity("a-other", "i-01").insert(this.jdbc);
		TableRow.bookmark("b-1", "i-08", "hash-1").insert(this.jdbc);
		TableRow.bookmark("b-2", "i-08", "hash-2").insert(this.jdbc);
	}

	@Test
	void listsNewestFirstByDefaultWithNullsLast() {
		JsonNode page = get(INSTANCES).ok();
		assertThat(ids(page.get("items"))).containsExactly("i-04", "i-06", "i-03", "i-02", "i-01", "i-07", "i-08",
				"i-05");
		assertThat(page.get("nextCursor").isNull()).isTrue();
		assertThat(page.has("totalCount")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			createdAt  | asc  | i-08,i-07,i-01,i-02,i-03,i-06,i-04,i-05
			createdAt  | desc | i-04,i-06,i-03,i-02,i-01,i-07,i-08,i-05
			updatedAt  | asc  | i-01,i-02,i-07,i-06,i-05,i-04,i-03,i-08
			updatedAt  | desc | i-04,i-05,i-06,i-07,i-02,i-01,i-08,i-03
			finishedAt | asc  | i-03,i-02,i-05,i-01,i-04,i-06,i-07,i-08
			finishedAt | desc | i-05,i-02,i-03,i-08,i-07,i-06,i-04,i-01
			""")
	void sortsByEachFieldInEitherOrderWithNullsLastAndIdAsTieBreaker(String sort, String order, String expected) {
		assertThat(allPages(INSTANCES, "sort", sort, "order", order, "limit", "3"))
			.extracting((item) -> item.get("id").asString())
			.containsExactly(expected.split(","));
	}

	@Test
	void filtersByOneStatusOrSeveral() {
		assertThat(get(INSTANCES, "status", "Running").itemIds()).containsExactly("i-04", "i-06", "i-01");
		assertThat(get(INSTANCES, "status", "Faulted", "status", "Suspended").itemIds()).containsExactly("i-03",
				"i-07");
	}

	@Test
	void filtersBySubStatus() {
		assertThat(get(INSTANCES, "subStatus", "Suspended").itemIds()).containsExactly("i-04", "i-06");
	}

	@Test
	void filtersByOneDefinitionOrSeveral() {
		assertThat(get(INSTANCES, "definitionId", "def-b").itemIds()).containsExactly("i-04", "i-03");
		assertThat(get(INSTANCES, "definitionId", "def-b", "definitionId", "def-c").itemIds()).containsExactly("i-04",
				"i-03", "i-07", "i-05");
	}

	@Test
	void filtersByCorrelationId() {
		assertThat(get(INSTANCES, "correlationId", "c-1").itemIds()).containsExactly("i-04", "i-01");
	}

	@Test
	void matchesASubstringOfTheNameIgnoringCase() {
		assertThat(get(INSTANCES, "name", "ORDER").itemIds()).containsExactly("i-04", "i-06", "i-02", "i-01", "i-07");
		assertThat(get(INSTANCES, "name", "voic").itemIds()).containsExactly("i-03");
		assertThat(get(INSTANCES, "name", "").itemIds()).hasSize(8);
	}

	@Test
	void matchesLikeWildcardsInTheNameLiterally() {
		assertThat(get(INSTANCES, "name", "100%").itemIds()).containsExactly("i-01");
		assertThat(get(INSTANCES, "name", "r_3").itemIds()).containsExactly("i-04");
	}

	@Test
	void timeRangesIncludeTheirStartAndExcludeTheirEnd() {
		assertThat(get(INSTANCES, "createdFrom", "2024-05-01T09:00:00Z", "createdTo", "2024-05-01T10:00:00Z").itemIds())
			.containsExactly("i-03", "i-02");
		assertThat(get(INSTANCES, "createdFrom", "2024-05-01T11:00:00+02:00", "createdTo", "2024-05-01T12:00:00+02:00")
			.itemIds()).containsExactly("i-03", "i-02");
		assertThat(get(INSTANCES, "updatedFrom", "2024-05-01T09:30:00Z", "updatedTo", "2024-05-01T11:00:00Z").itemIds())
			.containsExactly("i-06", "i-02", "i-07");
	}

	@Test
	void combinesFiltersWithAnd() {
		assertThat(get(INSTANCES, "status", "Running", "definitionId", "def-a", "name", "percent").itemIds())
			.containsExactly("i-06");
	}

	@Test
	void pagesCarryTheTotalCountWhenAskedFor() {
		JsonNode first = get(INSTANCES, "status", "Running", "limit", "2", "count", "true").ok();
		assertThat(ids(first.get("items"))).containsExactly("i-04", "i-06");
		assertThat(first.get("totalCount").asLong()).isEqualTo(3);
		JsonNode second = get(INSTANCES, "status", "Running", "limit", "2", "count", "true", "cursor",
				first.get("nextCursor").asString())
			.ok();
		assertThat(ids(second.get("items"))).containsExactly("i-01");
		assertThat(second.get("totalCount").asLong()).isEqualTo(3);
		assertThat(second.get("nextCursor").isNull()).isTrue();
	}

	@Test
	void returnsOneInstanceWithItsDataAsJsonAndItsCounts() {
		JsonNode instance = get(INSTANCES + "/i-08").ok();
		assertThat(instance.get("id").asString()).isEqualTo("i-08");
		assertThat(instance.get("definitionId").asString()).isEqualTo("def-d");
		assertThat(instance.get("createdAt").asString()).isEqualTo("2024-04-30T00:00:00Z");
		assertThat(instance.get("finishedAt").isNull()).isTrue();
		assertThat(instance.get("data").get("customer").get("tags").get(1).asString()).isEqualTo("b");
		assertThat(instance.get("data").get("total").asDouble()).isEqualTo(12.5);
		assertThat(instance.get("activityCount").asLong()).isEqualTo(3);
		assertThat(instance.get("bookmarkCount").asLong()).isEqualTo(2);
		assertThat(instance.has("eventVersion")).isFalse();
		assertThat(instance.has("ingestedAt")).isFalse();
	}

	@Test
	void listItemsCarryEveryFieldButData() {
		JsonNode item = get(INSTANCES, "correlationId", "c-2").ok().get("items").get(0);
		assertThat(item.propertyNames()).containsExactly("id", "definitionId", "definitionVersionId", "version",
				"status", "subStatus", "correlationId", "name", "createdAt", "updatedAt", "finishedAt");
		assertThat(item.get("finishedAt").asString()).isEqualTo("2024-05-01T09:30:00Z");
	}

	@Test
	void answersAnUnknownInstanceWith404() {
		JsonNode problem = get(INSTANCES + "/no-such-instance").problem(404);
		assertThat(problem.get("detail").asString()).contains("no-such-instance");
	}

	@Test
	void searchTakesTheSameFiltersAsAJsonBody() {
		String body = """
				{"status": ["Running"], "definitionId": ["def-a", "def-b"], "sort": "updatedAt", "order": "asc",
				 "limit": 2, "count": true}""";
		JsonNode page = post(INSTANCES + "/search", body).ok();
		JsonNode same = get(INSTANCES, "status", "Running", "definitionId", "def-a", "definitionId", "def-b", "sort",
				"updatedAt", "order", "asc", "limit", "2", "count", "true")
			.ok();
		assertThat(page).isEqualTo(same);
		String next = """
				{"status": ["Running"], "definitionId": ["def-a", "def-b"], "sort": "updatedAt", "order": "asc",
				 "limit": 2, "cursor": "%s"}""".formatted(page.get("nextCursor").asString());
		assertThat(post(INSTANCES + "/search", next).itemIds()).containsExactly("i-04");
	}

	@Test
	void searchTakesListsOfIdsTooLongForAUrl() {
		List<String> definitionIds = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			definitionIds.add("\"definition-with-a-rather-long-id-" + i + "\"");
		}
		definitionIds.set(500, "\"def-c\"");
		String body = "{\"definitionId\": [" + String.join(",", definitionIds) + "]}";
		assertThat(body.length()).isGreaterThan(30_000);
		assertThat(post(INSTANCES + "/search", body).itemIds()).containsExactly("i-07", "i-05");
	}

	@Test
	void searchTakesASingleValueForAList() {
		assertThat(post(INSTANCES + "/search", "{\"status\": \"Faulted\"}").itemIds()).containsExactly("i-03");
	}

	@Test
	void searchWithoutFiltersListsEverything() {
		assertThat(post(INSTANCES + "/search", "{}").itemIds()).hasSize(8);
	}

	@Test
	void sqlLookingInputIsOnlyData() {
		assertThat(get(INSTANCES, "correlationId", "' OR 1=1 --").itemIds()).containsExactly("i-07");
		assertThat(get(INSTANCES, "name", "' OR 1=1 --").itemIds()).isEmpty();
		assertThat(get(INSTANCES, "definitionId", "def-a' OR '1'='1").itemIds()).isEmpty();
		assertThat(post(INSTANCES + "/search", "{\"definitionId\": [\"x') OR 1=1 --\", \"def-b\"]}").itemIds())
			.containsExactly("i-04", "i-03");
		assertThat(get(INSTANCES + "/%27%20OR%201%3D1%20--").problem(404).get("detail").asString())
			.contains("' OR 1=1 --");
	}

	private void instance(String id, String definitionId, String status, String subStatus, String correlationId,
			String name, String createdAt, String updatedAt, String finishedAt) {
		TableRow.instance(id)
			.with("DefinitionId", definitionId)
			.with("DefinitionVersionId", definitionId + "-v1")
			.with("Version", 1)
			.with("Status", status)
			.with("SubStatus", subStatus)
			.with("CorrelationId", correlationId)
			.with("Name", name)
			.with("Data", "{\"id\": \"" + id + "\"}")
			.with("CreatedAt", instant(createdAt))
			.with("UpdatedAt", instant(updatedAt))
			.with("FinishedAt", instant(finishedAt))
			.insert(this.jdbc);
	}

	private static Instant instant(String text) {
		return (text != null) ? Instant.parse(text) : null;
	}

}

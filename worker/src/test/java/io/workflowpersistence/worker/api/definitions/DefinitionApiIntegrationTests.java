package io.workflowpersistence.worker.api.definitions;

import java.time.Instant;
import java.util.UUID;

import io.workflowpersistence.worker.api.ApiIntegrationTestSupport;
import io.workflowpersistence.worker.api.TableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionApiIntegrationTests extends ApiIntegrationTestSupport {

	private static final String DEFINITIONS = "/api/v1/definitions";

	private static final UUID SALES = UUID.fromString("0b7f7a34-0000-4000-8000-000000000001");

	private static final UUID BILLING = UUID.fromString("0b7f7a34-0000-4000-8000-000000000002");

	@BeforeAll
	void loadDefinitions() {
		clearTables();
		definition("d-1", "order-flow", 1, "Order flow", false, true, SALES);
		definition("d-2", "order-flow", 2, "Order flow", true, false, SALES);
		definition("d-3", "invoice", 1, "Invoice run", true, true, BILLING);
		definition("d-4", "draft", 1, null, null, null, null);
		TableRow.tag("d-1", "sales").insert(this.jdbc);
		TableRow.tag("d-1", "orders").insert(this.jdbc);
		TableRow.tag("d-2", "orders").insert(this.jdbc);
		TableRow.tag("d-3", "finance").insert(this.jdbc);
	}

	@Test
	void listsEveryVersionByIdWithItsTagsInAlphabeticalOrder() {
		JsonNode page = get(DEFINITIONS).ok();
		assertThat(ids(page.get("items"))).containsExactly("d-1", "d-2", "d-3", "d-4");
		assertThat(page.get("items").get(0).get("tags").toString()).isEqualTo("[\"orders\",\"sales\"]");
		assertThat(page.get("items").get(3).get("tags").toString()).isEqualTo("[]");
		assertThat(page.get("items").get(0).has("data")).isFalse();
		assertThat(ids(allPages(DEFINITIONS, "limit", "1"))).containsExactly("d-1", "d-2", "d-3", "d-4");
	}

	@Test
	void filtersByDefinitionLatestAndPublished() {
		assertThat(get(DEFINITIONS, "definitionId", "order-flow").itemIds()).containsExactly("d-1", "d-2");
		assertThat(get(DEFINITIONS, "isLatest", "true").itemIds()).containsExactly("d-2", "d-3");
		assertThat(get(DEFINITIONS, "isLatest", "false").itemIds()).containsExactly("d-1");
		assertThat(get(DEFINITIONS, "isPublished", "true").itemIds()).containsExactly("d-1", "d-3");
		assertThat(get(DEFINITIONS, "isLatest", "true", "isPublished", "true").itemIds()).containsExactly("d-3");
	}

	@Test
	void filtersByTagCategoryAndName() {
		assertThat(get(DEFINITIONS, "tag", "orders").itemIds()).containsExactly("d-1", "d-2");
		assertThat(get(DEFINITIONS, "tag", "order").itemIds()).isEmpty();
		assertThat(get(DEFINITIONS, "categoryId", BILLING.toString()).itemIds()).containsExactly("d-3");
		assertThat(get(DEFINITIONS, "name", "FLOW").itemIds()).containsExactly("d-1", "d-2");
		assertThat(get(DEFINITIONS, "name", "flow", "tag", "sales", "count", "true").ok().get("totalCount").asLong())
			.isEqualTo(1);
	}

	@Test
	void returnsOneVersionWithItsDataAndTags() {
		JsonNode definition = get(DEFINITIONS + "/d-1").ok();
		assertThat(definition.get("definitionId").asString()).isEqualTo("order-flow");
		assertThat(definition.get("version").asInt()).isEqualTo(1);
		assertThat(definition.get("name").asString()).isEqualTo("Order flow");
		assertThat(definition.get("displayName").asString()).isEqualTo("Order flow (display)");
		assertThat(definition.get("description").asString()).isEqualTo("Describes d-1");
		assertThat(definition.get("isLatest").asBoolean()).isFalse();
		assertThat(definition.get("isPublished").asBoolean()).isTrue();
		assertThat(definition.get("categoryId").asString()).isEqualTo(SALES.toString());
		assertThat(definition.get("data").get("activities").get(0).get("id").asString()).isEqualTo("start");
		assertThat(definition.get("tags").toString()).isEqualTo("[\"orders\",\"sales\"]");
		assertThat(definition.get("createdAt").asString()).isEqualTo("2024-05-01T08:00:00Z");
		assertThat(get(DEFINITIONS + "/d-4").ok().get("isLatest").isNull()).isTrue();
	}

	@Test
	void answersAnUnknownVersionWith404() {
		get(DEFINITIONS + "/no-such-definition").problem(404);
	}

	@Test
	void refusesBadBooleansAndCategoryIds() {
		assertThat(get(DEFINITIONS, "isLatest", "yes", "isPublished", "1", "categoryId", "sales").invalidParams())
			.containsExactly("isLatest", "isPublished", "categoryId");
	}

	@Test
	void sqlLookingInputIsOnlyData() {
		assertThat(get(DEFINITIONS, "tag", "orders' OR 1=1 --").itemIds()).isEmpty();
		assertThat(get(DEFINITIONS, "definitionId", "x' OR 'a'='a").itemIds()).isEmpty();
	}

	private void definition(String id, String definitionId, int version, String name, Boolean isLatest,
			Boolean isPublished, UUID categoryId) {
		TableRow.definition(id, definitionId, version)
			.with("Name", name)
			.with("DisplayName", (name != null) ? name + " (display)" : null)
			.with("Description", "Describes " + id)
			.with("IsLatest", isLatest)
			.with("IsPublished", isPublished)
			.with("CategoryId", categoryId)
			.with("Data", "{\"activities\": [{\"id\": \"start\"}]}")
			.with("CreatedAt", Instant.parse("2024-05-01T08:00:00Z"))
			.insert(this.jdbc);
	}

}

package io.workflowpersistence.worker.api.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.workflowpersistence.worker.api.ApiIntegrationTestSupport;
import io.workflowpersistence.worker.api.TableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogApiIntegrationTests extends ApiIntegrationTestSupport {

	private static final UUID FIRST = UUID.fromString("10000000-0000-4000-8000-000000000000");

	private static final UUID SECOND = UUID.fromString("20000000-0000-4000-8000-000000000000");

	private static final UUID THIRD = UUID.fromString("a0000000-0000-4000-8000-000000000000");

	@BeforeAll
	void loadCatalog() {
		clearTables();
		TableRow.category(THIRD, "Operations").insert(this.jdbc);
		TableRow.category(FIRST, "Sales")
			.with("Description", "Selling things")
			.with("Color", "#12AB34")
			.with("CreatedAt", Instant.parse("2024-05-01T08:00:00Z"))
			.with("UpdatedAt", Instant.parse("2024-05-02T08:00:00Z"))
			.insert(this.jdbc);
		TableRow.category(SECOND, "Billing").insert(this.jdbc);
		activityDefinition(SECOND, "SendEmail", "Messaging", true);
		activityDefinition(FIRST, "SendSms", "Messaging", false);
		activityDefinition(THIRD, "PostInvoice", "Billing", true);
	}

	@Test
	void listsCategoriesById() {
		assertThat(get("/api/v1/categories").itemIds()).containsExactly(FIRST.toString(), SECOND.toString(),
				THIRD.toString());
		assertThat(ids(allPages("/api/v1/categories", "limit", "2"))).containsExactly(FIRST.toString(),
				SECOND.toString(), THIRD.toString());
		JsonNode sales = get("/api/v1/categories", "limit", "1", "count", "true").ok();
		assertThat(sales.get("totalCount").asLong()).isEqualTo(3);
		JsonNode item = sales.get("items").get(0);
		assertThat(List.of(item.get("name").asString(), item.get("description").asString(),
				item.get("color").asString(), item.get("createdAt").asString(), item.get("updatedAt").asString()))
			.containsExactly("Sales", "Selling things", "#12AB34", "2024-05-01T08:00:00Z", "2024-05-02T08:00:00Z");
	}

	@Test
	void listsActivityDefinitionsByIdFilteredByCategoryAndEnabled() {
		String path = "/api/v1/activity-definitions";
		assertThat(get(path).itemIds()).containsExactly(FIRST.toString(), SECOND.toString(), THIRD.toString());
		assertThat(get(path, "category", "Messaging").itemIds()).containsExactly(FIRST.toString(), SECOND.toString());
		assertThat(get(path, "isEnabled", "true").itemIds()).containsExactly(SECOND.toString(), THIRD.toString());
		assertThat(get(path, "category", "Messaging", "isEnabled", "false").itemIds())
			.containsExactly(FIRST.toString());
		assertThat(ids(allPages(path, "limit", "1"))).containsExactly(FIRST.toString(), SECOND.toString(),
				THIRD.toString());
	}

	@Test
	void returnsActivityDefinitionPropertiesAsJson() {
		JsonNode item = get("/api/v1/activity-definitions", "category", "Billing").ok().get("items").get(0);
		assertThat(item.get("name").asString()).isEqualTo("PostInvoice");
		assertThat(item.get("displayName").asString()).isEqualTo("PostInvoice (display)");
		assertThat(item.get("inputProperties").get(0).get("name").asString()).isEqualTo("to");
		assertThat(item.get("outputProperties").get("result").asString()).isEqualTo("string");
		assertThat(item.get("assemblyName").asString()).isEqualTo("Acme.Activities");
		assertThat(item.get("typeName").asString()).isEqualTo("Acme.Activities.PostInvoice");
		assertThat(item.get("version").asString()).isEqualTo("1.2.0");
		assertThat(item.get("isEnabled").asBoolean()).isTrue();
	}

	@Test
	void refusesABadCursorOrBoolean() {
		assertThat(get("/api/v1/activity-definitions", "cursor", "garbage", "isEnabled", "enabled").invalidParams())
			.containsExactly("isEnabled", "cursor");
		assertThat(get("/api/v1/categories", "cursor", "' OR 1=1 --").invalidParams()).containsExactly("cursor");
	}

	private void activityDefinition(UUID id, String name, String category, boolean enabled) {
		TableRow.activityDefinition(id, name)
			.with("DisplayName", name + " (display)")
			.with("Category", category)
			.with("InputProperties", "[{\"name\": \"to\", \"type\": \"string\"}]")
			.with("OutputProperties", "{\"result\": \"string\"}")
			.with("AssemblyName", "Acme.Activities")
			.with("TypeName", "Acme.Activities." + name)
			.with("Version", "1.2.0")
			.with("IsEnabled", enabled)
			.insert(this.jdbc);
	}

}

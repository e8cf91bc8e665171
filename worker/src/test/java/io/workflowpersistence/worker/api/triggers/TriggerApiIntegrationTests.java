package io.workflowpersistence.worker.api.triggers;

import io.workflowpersistence.worker.api.ApiIntegrationTestSupport;
import io.workflowpersistence.worker.api.TableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerApiIntegrationTests extends ApiIntegrationTestSupport {

	private static final String TRIGGERS = "/api/v1/triggers";

	@BeforeAll
	void loadTriggers() {
		clearTables();
		trigger("t-2", "wf-1", "hash-http", "Elsa.HttpEndpoint");
		trigger("t-1", "wf-1", "hash-timer", "Elsa.Timer");
		trigger("t-3", "wf-2", "hash-http", "elsa.httpendpoint");
		trigger("t-4", "wf-3", null, null);
	}

	@Test
	void listsEveryTriggerById() {
		assertThat(get(TRIGGERS).itemIds()).containsExactly("t-1", "t-2", "t-3", "t-4");
		assertThat(ids(allPages(TRIGGERS, "limit", "3"))).containsExactly("t-1", "t-2", "t-3", "t-4");
	}

	@Test
	void filtersByHashDefinitionAndName() {
		assertThat(get(TRIGGERS, "hash", "hash-http").itemIds()).containsExactly("t-2", "t-3");
		assertThat(get(TRIGGERS, "workflowDefinitionId", "wf-1").itemIds()).containsExactly("t-1", "t-2");
		assertThat(get(TRIGGERS, "name", "HTTPEND").itemIds()).containsExactly("t-2", "t-3");
		assertThat(get(TRIGGERS, "hash", "hash-http", "workflowDefinitionId", "wf-2").itemIds()).containsExactly("t-3");
	}

	@Test
	void returnsEveryFieldWithDataAsJson() {
		JsonNode trigger = get(TRIGGERS, "hash", "hash-timer", "count", "true").ok();
		assertThat(trigger.get("totalCount").asLong()).isEqualTo(1);
		JsonNode item = trigger.get("items").get(0);
		assertThat(item.get("workflowDefinitionId").asString()).isEqualTo("wf-1");
		assertThat(item.get("workflowDefinitionVersionId").asString()).isEqualTo("wf-1:v3");
		assertThat(item.get("activityId").asString()).isEqualTo("start-t-1");
		assertThat(item.get("name").asString()).isEqualTo("Elsa.Timer");
		assertThat(item.get("data").get("cron").asString()).isEqualTo("0 * * * *");
		assertThat(get(TRIGGERS, "workflowDefinitionId", "wf-3").ok().get("items").get(0).get("data").isNull())
			.isTrue();
	}

	@Test
	void sqlLookingInputIsOnlyData() {
		assertThat(get(TRIGGERS, "workflowDefinitionId", "wf-1' OR '1'='1").itemIds()).isEmpty();
	}

	private void trigger(String id, String definitionId, String hash, String name) {
		TableRow row = TableRow.trigger(id, definitionId)
			.with("WorkflowDefinitionVersionId", definitionId + ":v3")
			.with("ActivityId", "start-" + id)
			.with("Hash", hash)
			.with("Name", name);
		if (name != null) {
			row.with("Data", "{\"cron\": \"0 * * * *\"}");
		}
		row.insert(this.jdbc);
	}

}

package io.workflowpersistence.worker.ingest;

import java.util.UUID;

import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.HttpAnswer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional GETs of the catalog against the live worker: a response carries an entity
 * tag; the same tag in {@code If-None-Match} is answered 304 with no body while nothing
 * changed, and 200 with the new rows once an event, or any other writer of the table,
 * changed them.
 */
class CatalogConditionalReadIntegrationTests extends IngestIntegrationTestSupport {

	private static final String DEFINITIONS = "/api/v1/definitions";

	@LocalServerPort
	int port;

	@Test
	void aConditionalGetOfAnUnchangedDefinitionIsNotModifiedWithoutABody() {
		String id = unique("def");
		publish(Events.definition(id, unique("flow"), 1).with("name", "Order flow").version(1));
		awaitDefinition(id);

		HttpAnswer first = get(DEFINITIONS + "/" + id);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		String tag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(tag).matches("W/\"[A-Za-z0-9_-]{22}\"");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");

		HttpAnswer again = get(DEFINITIONS + "/" + id, "If-None-Match", tag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(tag);
		assertThat(get(DEFINITIONS + "/" + id, "If-None-Match", "W/\"another\"").status()).isEqualTo(200);
		assertThat(get(DEFINITIONS, "If-None-Match", tag).status()).as("another resource, another tag").isEqualTo(200);
	}

	@Test
	void afterANewDefinitionIsIngestedTheSameTagAnswersWithTheNewRow() {
		String definitionId = unique("flow");
		String path = DEFINITIONS + "?definitionId=" + definitionId;
		String first = unique("def");
		publish(Events.definition(first, definitionId, 1).version(1));
		awaitDefinition(first);
		HttpAnswer before = get(path);
		String tag = before.headers().firstValue("ETag").orElseThrow();
		assertThat(before.json().get("items")).hasSize(1);
		assertThat(get(path, "If-None-Match", tag).status()).isEqualTo(304);

		String second = unique("def");
		publish(Events.definition(second, definitionId, 2).version(1));
		awaitDefinition(second);

		HttpAnswer after = get(path, "If-None-Match", tag);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.json().get("items").toString()).contains(first).contains(second);
		String newTag = after.headers().firstValue("ETag").orElseThrow();
		assertThat(newTag).isNotEqualTo(tag);
		assertThat(get(path, "If-None-Match", newTag).status()).isEqualTo(304);
	}

	@Test
	void categoriesAndActivityDefinitionsAreRevalidatedAgainstEveryWriter() {
		UUID category = UUID.randomUUID();
		UUID activity = UUID.randomUUID();
		publish(Events.category(category).version(1), Events.activityDefinition(activity).version(1));
		eventually().until(() -> count("SELECT count(*) FROM CustomActivityDefinitions WHERE Id = ?", activity) == 1
				&& count("SELECT count(*) FROM WorkflowCategories WHERE Id = ?", category) == 1);
		String categories = "/api/v1/categories?limit=1000";
		String categoryTag = get(categories).headers().firstValue("ETag").orElseThrow();
		String activitiesTag = get("/api/v1/activity-definitions").headers().firstValue("ETag").orElseThrow();
		assertThat(get(categories, "If-None-Match", categoryTag).status()).isEqualTo(304);
		assertThat(get("/api/v1/activity-definitions", "If-None-Match", activitiesTag).status()).isEqualTo(304);

		// Another worker of the group, or anyone, writing the table: only the database
		// knows.
		this.jdbc.sql("UPDATE WorkflowCategories SET Name = 'Renamed' WHERE Id = ?").param(category).update();
		HttpAnswer renamed = get(categories, "If-None-Match", categoryTag);
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.body()).contains("Renamed");
	}

	private void awaitDefinition(String id) {
		eventually().until(() -> count("SELECT count(*) FROM WorkflowDefinitions WHERE Id = ?", id) == 1);
	}

	private HttpAnswer get(String path, String... headers) {
		return HttpAnswer.send(HttpAnswer.get("http://localhost:" + this.port + path, headers));
	}

}

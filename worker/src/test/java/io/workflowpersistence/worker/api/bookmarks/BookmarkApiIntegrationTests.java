package io.workflowpersistence.worker.api.bookmarks;

import java.time.Instant;

import io.workflowpersistence.worker.api.ApiIntegrationTestSupport;
import io.workflowpersistence.worker.api.TableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BookmarkApiIntegrationTests extends ApiIntegrationTestSupport {

	private static final String BOOKMARKS = "/api/v1/bookmarks";

	@BeforeAll
	void loadBookmarks() {
		clearTables();
		TableRow.instance("i-1").insert(this.jdbc);
		TableRow.instance("i-2").insert(this.jdbc);
		bookmark("bm-3", "i-1", "hash-1", "Elsa.Event", "wait-approval");
		bookmark("bm-1", "i-1", "hash-2", "Elsa.Delay", "delay");
		bookmark("bm-2", "i-2", "hash-1", "Elsa.Event", "wait-approval");
		bookmark("bm-4", "i-2", "hash-3", "My_Event%", "other");
		bookmark("bm-5", "orphan", "hash-1", "elsa.event", "wait-approval");
	}

	@Test
	void listsEveryBookmarkById() {
		assertThat(get(BOOKMARKS).itemIds()).containsExactly("bm-1", "bm-2", "bm-3", "bm-4", "bm-5");
		assertThat(ids(allPages(BOOKMARKS, "limit", "2"))).containsExactly("bm-1", "bm-2", "bm-3", "bm-4", "bm-5");
	}

	@Test
	void filtersByHash() {
		assertThat(get(BOOKMARKS, "hash", "hash-1").itemIds()).containsExactly("bm-2", "bm-3", "bm-5");
	}

	@Test
	void filtersByASubstringOfTheNameIgnoringCase() {
		assertThat(get(BOOKMARKS, "name", "EVENT").itemIds()).containsExactly("bm-2", "bm-3", "bm-4", "bm-5");
		assertThat(get(BOOKMARKS, "name", "_event%").itemIds()).containsExactly("bm-4");
	}

	@Test
	void filtersByActivityAndCombinesFilters() {
		assertThat(get(BOOKMARKS, "activityId", "delay").itemIds()).containsExactly("bm-1");
		assertThat(get(BOOKMARKS, "hash", "hash-1", "name", "Elsa.Event", "activityId", "wait-approval").itemIds())
			.containsExactly("bm-2", "bm-3", "bm-5");
		JsonNode counted = get(BOOKMARKS, "hash", "hash-1", "limit", "1", "count", "true").ok();
		assertThat(counted.get("totalCount").asLong()).isEqualTo(3);
	}

	@Test
	void returnsEveryFieldWithDataAsJson() {
		JsonNode bookmark = get(BOOKMARKS, "activityId", "delay").ok().get("items").get(0);
		assertThat(bookmark.get("workflowInstanceId").asString()).isEqualTo("i-1");
		assertThat(bookmark.get("activityNodeId").asString()).isEqualTo("node-delay");
		assertThat(bookmark.get("name").asString()).isEqualTo("Elsa.Delay");
		assertThat(bookmark.get("hash").asString()).isEqualTo("hash-2");
		assertThat(bookmark.get("data").get("bookmark").asString()).isEqualTo("bm-1");
		assertThat(bookmark.get("createdAt").asString()).isEqualTo("2024-05-01T08:00:00Z");
	}

	@Test
	void listsTheBookmarksOfOneInstance() {
		assertThat(get("/api/v1/instances/i-1/bookmarks").itemIds()).containsExactly("bm-1", "bm-3");
		assertThat(ids(allPages("/api/v1/instances/i-2/bookmarks", "limit", "1"))).containsExactly("bm-2", "bm-4");
	}

	@Test
	void answersAnUnknownInstanceWith404() {
		get("/api/v1/instances/no-such-instance/bookmarks").problem(404);
	}

	@Test
	void sqlLookingInputIsOnlyData() {
		assertThat(get(BOOKMARKS, "hash", "' OR 1=1 --").itemIds()).isEmpty();
		assertThat(get(BOOKMARKS, "name", "' OR ''='").itemIds()).isEmpty();
	}

	private void bookmark(String id, String instanceId, String hash, String name, String activityId) {
		TableRow.bookmark(id, instanceId, hash)
			.with("Name", name)
			.with("ActivityId", activityId)
			.with("ActivityNodeId", "node-" + activityId)
			.with("Data", "{\"bookmark\": \"" + id + "\"}")
			.with("CreatedAt", Instant.parse("2024-05-01T08:00:00Z"))
			.insert(this.jdbc);
	}

}

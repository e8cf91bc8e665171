package io.workflowpersistence.worker.api.instances;

import java.time.Instant;

import io.workflowpersistence.worker.api.ApiIntegrationTestSupport;
import io.workflowpersistence.worker.api.TableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityApiIntegrationTests extends ApiIntegrationTestSupport {

	private static final String ACTIVITIES = "/api/v1/instances/i-1/activities";

	@BeforeAll
	void loadActivities() {
		clearTables();
		TableRow.instance("i-1").insert(this.jdbc);
		TableRow.instance("i-2").insert(this.jdbc);
		activity("a-1", "i-1", "Completed", "2024-05-01T10:00:00Z");
		activity("a-2", "i-1", "Completed", "2024-05-01T09:00:00Z");
		activity("a-3", "i-1", "Completed", "2024-05-01T10:00:00Z");
		activity("a-4", "i-1", "Pending", null);
		activity("a-0", "i-1", "Pending", null);
		TableRow.activity("a-5", "i-1")
			.with("ActivityId", "write-line")
			.with("ActivityNodeId", "Workflow1:write-line")
			.with("ActivityName", "WriteLine")
			.with("ActivityType", "Elsa.WriteLine")
			.with("Status", "Faulted")
			.with("Data", "{\"text\": \"hello\", \"lines\": [1, 2]}")
			.with("Exception", "System.InvalidOperationException: boom")
			.with("StartedAt", Instant.parse("2024-05-01T11:00:00Z"))
			.with("CompletedAt", Instant.parse("2024-05-01T11:00:01.5Z"))
			.insert(this.jdbc);
		activity("b-1", "i-2", "Completed", "2024-05-01T08:00:00Z");
	}

	@Test
	void listsTheRecordsOfTheInstanceByStartTimeThenIdWithNotStartedLast() {
		assertThat(get(ACTIVITIES).itemIds()).containsExactly("a-2", "a-1", "a-3", "a-5", "a-0", "a-4");
	}

	@Test
	void pagesWalkTheSameOrder() {
		assertThat(ids(allPages(ACTIVITIES, "limit", "2"))).containsExactly("a-2", "a-1", "a-3", "a-5", "a-0", "a-4");
		assertThat(ids(allPages(ACTIVITIES, "limit", "5"))).containsExactly("a-2", "a-1", "a-3", "a-5", "a-0", "a-4");
	}

	@Test
	void filtersByOneStatusOrSeveral() {
		assertThat(get(ACTIVITIES, "status", "Pending").itemIds()).containsExactly("a-0", "a-4");
		assertThat(get(ACTIVITIES, "status", "Pending", "status", "Faulted").itemIds()).containsExactly("a-5", "a-0",
				"a-4");
	}

	@Test
	void countsTheRecordsOfTheInstance() {
		JsonNode page = get(ACTIVITIES, "status", "Completed", "limit", "1", "count", "true").ok();
		assertThat(page.get("totalCount").asLong()).isEqualTo(3);
		assertThat(page.get("nextCursor").isNull()).isFalse();
	}

	@Test
	void returnsEveryFieldWithDataAsJson() {
		JsonNode record = get(ACTIVITIES, "status", "Faulted").ok().get("items").get(0);
		assertThat(record.get("workflowInstanceId").asString()).isEqualTo("i-1");
		assertThat(record.get("activityId").asString()).isEqualTo("write-line");
		assertThat(record.get("activityNodeId").asString()).isEqualTo("Workflow1:write-line");
		assertThat(record.get("activityName").asString()).isEqualTo("WriteLine");
		assertThat(record.get("activityType").asString()).isEqualTo("Elsa.WriteLine");
		assertThat(record.get("data").get("lines").get(1).asInt()).isEqualTo(2);
		assertThat(record.get("exception").asString()).startsWith("System.InvalidOperationException");
		assertThat(record.get("startedAt").asString()).isEqualTo("2024-05-01T11:00:00Z");
		assertThat(record.get("completedAt").asString()).isEqualTo("2024-05-01T11:00:01.500Z");
	}

	@Test
	void answersAnUnknownInstanceWith404() {
		get("/api/v1/instances/no-such-instance/activities").problem(404);
	}

	@Test
	void sqlLookingStatusIsRefusedAndSqlLookingIdIsOnlyData() {
		assertThat(get(ACTIVITIES, "status", "Completed' OR 1=1 --").invalidParams()).containsExactly("status");
		get("/api/v1/instances/i-1'%20OR%201=1%20--/activities").problem(404);
	}

	private void activity(String id, String instanceId, String status, String startedAt) {
		TableRow.activity(id, instanceId)
			.with("Status", status)
			.with("StartedAt", (startedAt != null) ? Instant.parse(startedAt) : null)
			.insert(this.jdbc);
	}

}

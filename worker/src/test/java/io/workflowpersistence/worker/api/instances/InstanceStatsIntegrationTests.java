package io.workflowpersistence.worker.api.instances;

import java.time.Instant;

import io.workflowpersistence.worker.api.ApiIntegrationTestSupport;
import io.workflowpersistence.worker.api.TableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceStatsIntegrationTests extends ApiIntegrationTestSupport {

	private static final String STATS = "/api/v1/stats/instances";

	@BeforeAll
	void loadInstances() {
		clearTables();
		instance("s-1", "def-a", "Running", "Executing", "2024-05-01T08:00:00Z");
		instance("s-2", "def-a", "Running", "Suspended", "2024-05-01T09:00:00Z");
		instance("s-3", "def-a", "Running", "Suspended", "2024-05-02T09:00:00Z");
		instance("s-4", "def-b", "Finished", "Finished", "2024-05-01T10:00:00Z");
		instance("s-5", "def-b", "Finished", null, "2024-05-03T10:00:00Z");
		instance("s-6", "def-b", "Faulted", "Faulted", "2024-05-01T11:00:00Z");
	}

	@Test
	void countsByStatusAndSubStatus() {
		JsonNode stats = get(STATS).ok();
		assertThat(stats).isEqualTo(JsonMapper.shared().readTree("""
				{"totalCount": 6, "statuses": [
				  {"status": "Faulted", "count": 1, "subStatuses": [{"subStatus": "Faulted", "count": 1}]},
				  {"status": "Finished", "count": 2,
				   "subStatuses": [{"subStatus": "Finished", "count": 1}, {"subStatus": null, "count": 1}]},
				  {"status": "Running", "count": 3,
				   "subStatuses": [{"subStatus": "Executing", "count": 1}, {"subStatus": "Suspended", "count": 2}]}
				]}"""));
	}

	@Test
	void countsUnderTheInstanceFilters() {
		JsonNode stats = get(STATS, "definitionId", "def-a", "createdFrom", "2024-05-01T09:00:00Z", "createdTo",
				"2024-05-03T00:00:00Z")
			.ok();
		assertThat(stats.get("totalCount").asLong()).isEqualTo(2);
		assertThat(stats.get("statuses")).hasSize(1);
		assertThat(stats.get("statuses").get(0).get("subStatuses").get(0).get("count").asLong()).isEqualTo(2);
		assertThat(get(STATS, "status", "Finished", "status", "Faulted").ok().get("totalCount").asLong()).isEqualTo(3);
		assertThat(get(STATS, "name", "nothing matches").ok().get("statuses")).isEmpty();
	}

	@Test
	void refusesBadFiltersNamingThem() {
		assertThat(get(STATS, "createdFrom", "last week", "status", "not a status").invalidParams())
			.containsExactlyInAnyOrder("createdFrom", "status");
	}

	private void instance(String id, String definitionId, String status, String subStatus, String createdAt) {
		TableRow.instance(id)
			.with("DefinitionId", definitionId)
			.with("Status", status)
			.with("SubStatus", subStatus)
			.with("CreatedAt", Instant.parse(createdAt))
			.insert(this.jdbc);
	}

}

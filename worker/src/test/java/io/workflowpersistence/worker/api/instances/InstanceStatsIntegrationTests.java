package io.workflowpersistence.worker.api.instances;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.workflowpersistence.worker.api.ApiIntegrationTestSupport;
import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.ParameterReader;
import io.workflowpersistence.worker.api.TableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceStatsIntegrationTests extends ApiIntegrationTestSupport {

	private static final String STATS = "/api/v1/stats/instances";

	private static final String INSTANCES = "/api/v1/instances";

	@BeforeAll
	void loadInstances() {
		clearTables();
		instance("s-1", "def-a", "Running", "Executing", "2024-05-01T08:00:00Z");
		instance("s-2", "def-a", "Running", "Suspended", "2024-05-01T09:00:00Z");
		instance("s-3", "def-a", "Running", "Suspended", "2024-05-02T09:00:00Z");
		instance("s-4", "def-b", "Finished", "Finished", "2024-05-01T10:00:00Z");
		instance("s-5", "def-b", "Finished", null, "2024-05-03T10:00:00Z");
		instance("s-6", "def-b", "Faulted", "Faulted", "2024-05-01T11:00:00Z");
		// Changed and deleted again: the kept counts see it come and go.
		instance("s-7", "def-c", "Running", null, "2024-05-01T12:00:00Z");
		this.jdbc.update("UPDATE WorkflowInstances SET Status = 'Faulted' WHERE Id = 's-7'");
		this.jdbc.update("DELETE FROM WorkflowInstances WHERE Id = 's-7'");
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

	/**
	 * Filters on definition, status and sub-status are answered from the kept counts,
	 * others by counting the instances; an always-true creation bound takes the second
	 * way to the same instances, so both answers must agree.
	 */
	@ParameterizedTest
	@MethodSource("keptCountFilters")
	void keptCountsAnswerAsCountingTheInstancesDoes(List<String> filters) {
		List<String> counted = new ArrayList<>(filters);
		counted.addAll(List.of("createdFrom", "2000-01-01T00:00:00Z"));
		JsonNode kept = get(STATS, filters.toArray(String[]::new)).ok();
		assertThat(kept).isEqualTo(get(STATS, counted.toArray(String[]::new)).ok());
		assertThat(get(INSTANCES, with(filters, "count", "true")).ok().get("totalCount"))
			.isEqualTo(get(INSTANCES, with(counted, "count", "true")).ok().get("totalCount"))
			.isEqualTo(kept.get("totalCount"));
	}

	static Stream<List<String>> keptCountFilters() {
		return Stream.of(List.of(), List.of("definitionId", "def-a"),
				List.of("definitionId", "def-a", "definitionId", "def-b"), List.of("definitionId", "def-none"),
				List.of("status", "Running"), List.of("status", "Finished", "status", "Faulted"),
				List.of("subStatus", "Suspended"), List.of("status", "Running", "subStatus", "Suspended"),
				List.of("definitionId", "def-b", "status", "Finished"),
				List.of("definitionId", "def-b", "status", "Finished", "subStatus", "Finished"));
	}

	@Test
	void onlyFiltersTheCountsAreKeptByReadThem() {
		ParameterReader reader = new ParameterReader(ApiProperties.defaults());
		assertThat(InstanceRepository
			.countByStatusQuery(InstanceFilter.read(reader, new InstanceFilterParameters(List.of("Running"),
					"Suspended", List.of("def-a"), null, "", null, null, null, null)))
			.sql()).contains("InstanceCountDeltas");
		assertThat(InstanceRepository
			.countByStatusQuery(InstanceFilter.read(reader,
					new InstanceFilterParameters(null, null, List.of("def-a"), null, "order", null, null, null, null)))
			.sql()).doesNotContain("InstanceCountDeltas");
	}

	@Test
	void refusesBadFiltersNamingThem() {
		assertThat(get(STATS, "createdFrom", "last week", "status", "not a status").invalidParams())
			.containsExactlyInAnyOrder("createdFrom", "status");
	}

	private static String[] with(List<String> filters, String... more) {
		List<String> all = new ArrayList<>(filters);
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
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

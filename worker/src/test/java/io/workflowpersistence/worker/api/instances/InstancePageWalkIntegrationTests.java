package io.workflowpersistence.worker.api.instances;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.workflowpersistence.worker.api.ApiIntegrationTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking every page of a 10,000-instance list returns each instance exactly once, in
 * order, for every sort field in both directions, although hundreds of instances share
 * each timestamp and some have none.
 */
class InstancePageWalkIntegrationTests extends ApiIntegrationTestSupport {

	private static final int INSTANCES = 10_000;

	private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");

	private static final String LOAD = """
			INSERT INTO WorkflowInstances (Id, DefinitionId, Status, CreatedAt, UpdatedAt, FinishedAt)
			SELECT 'walk-' || lpad(n::text, 5, '0'), 'definition-' || (n % 7), 'Running',
			       CASE WHEN n % 97 <> 0 THEN timestamptz '2024-05-01 00:00:00Z' + (n % 31) * interval '1 minute' END,
			       CASE WHEN n % 5 <> 0 THEN timestamptz '2024-05-01 00:00:00Z' + (n % 13) * interval '1 second' END,
			       CASE WHEN n % 3 = 0 THEN timestamptz '2024-05-01 00:00:00Z' + (n % 17) * interval '1 hour' END
			FROM generate_series(1, ?) n""";

	private static final Map<String, IntFunction<Instant>> SORT_VALUES = Map.of("createdAt",
			(n) -> (n % 97 != 0) ? START.plusSeconds(60L * (n % 31)) : null, "updatedAt",
			(n) -> (n % 5 != 0) ? START.plusSeconds(n % 13) : null, "finishedAt",
			(n) -> (n % 3 == 0) ? START.plusSeconds(3600L * (n % 17)) : null);

	@BeforeAll
	void loadInstances() {
		clearTables();
		this.jdbc.update(LOAD, INSTANCES);
	}

	@Test
	void hundredsOfInstancesShareOneCreationTime() {
		Integer largestGroup = this.jdbc.queryForObject(
				"SELECT max(c) FROM (SELECT count(*) AS c FROM WorkflowInstances GROUP BY CreatedAt) g", Integer.class);
		assertThat(largestGroup).isGreaterThan(300);
	}

	@ParameterizedTest
	@CsvSource({ "createdAt, asc", "createdAt, desc", "updatedAt, asc", "updatedAt, desc", "finishedAt, asc",
			"finishedAt, desc" })
	void everyPageWalkReturnsEachInstanceOnceInOrder(String sort, String order) {
		List<String> walked = ids(allPages("/api/v1/instances", "sort", sort, "order", order, "limit", "97"));
		assertThat(walked).hasSize(INSTANCES).doesNotHaveDuplicates();
		assertThat(walked).isEqualTo(expectedOrder(sort, "desc".equals(order)));
	}

	@Test
	void largestPagesWalkTheDefaultOrder() {
		List<String> walked = ids(allPages("/api/v1/instances", "limit", "1000"));
		assertThat(walked).isEqualTo(expectedOrder("createdAt", true));
	}

	@Test
	void filteredWalkReturnsEachMatchingInstanceOnce() {
		List<String> walked = ids(
				allPages("/api/v1/instances", "definitionId", "definition-3", "sort", "finishedAt", "limit", "50"));
		List<String> expected = expectedOrder("finishedAt", true).stream()
			.filter((id) -> Integer.parseInt(id.substring(5)) % 7 == 3)
			.collect(Collectors.toList());
		assertThat(walked).isEqualTo(expected);
	}

	/**
	 * The order the contract asks for, computed here: by the sort value with NULLs last
	 * in either direction, then by id in the same direction.
	 */
	private static List<String> expectedOrder(String sort, boolean descending) {
		IntFunction<Instant> value = SORT_VALUES.get(sort);
		Comparator<Integer> byValue = Comparator.comparing(value::apply, Comparator
			.nullsLast(descending ? Comparator.<Instant>reverseOrder() : Comparator.<Instant>naturalOrder()));
		Comparator<Integer> byId = descending ? Comparator.<Integer>reverseOrder() : Comparator.<Integer>naturalOrder();
		List<Integer> numbers = new ArrayList<>(IntStream.rangeClosed(1, INSTANCES).boxed().toList());
		numbers.sort(byValue.thenComparing(byId));
		return numbers.stream().map((n) -> "walk-%05d".formatted(n)).toList();
	}

}

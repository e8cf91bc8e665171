package io.workflowpersistence.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * One of the read API's main queries, with parameters drawn at random from the data
 * {@link ApiData} writes.
 *
 * @param name what the query asks
 * @param example a path it requests
 * @param path a path to request, given a random source
 * @param revalidates whether a client sends the entity tag of its last answer to the same
 * path in {@code If-None-Match}, as a cache revalidating its copy does; 304 is then an
 * answer, not an error
 */
record ApiQuery(String name, String example, Function<Random, String> path, boolean revalidates) {

	/**
	 * The main queries for a database of {@code instances} instances.
	 */
	static List<ApiQuery> all(int instances) {
		return List.of(query("instances, newest first (first page of 50)", (random) -> "/api/v1/instances?limit=50"),
				query("instances by status", (random) -> "/api/v1/instances?status=Running&limit=50"),
				query("instances by definition",
						(random) -> "/api/v1/instances?definitionId=" + definition(random) + "&limit=50"),
				query("instances by status and definition",
						(random) -> "/api/v1/instances?status=Finished&definitionId=" + definition(random)
								+ "&limit=50"),
				query("instances created in an hour", (random) -> createdInAnHour(random, instances)),
				query("instances by name substring",
						(random) -> "/api/v1/instances?name=" + String.format("%06d", random.nextInt(1_000_000))
								+ "&limit=50"),
				query("instance by id", (random) -> "/api/v1/instances/" + instance(random, instances)),
				query("activities of an instance",
						(random) -> "/api/v1/instances/" + instance(random, instances) + "/activities"),
				query("bookmarks by hash",
						(random) -> "/api/v1/bookmarks?hash=hash-" + random.nextInt(ApiData.HASHES) + "&limit=50"),
				query("triggers of a definition",
						(random) -> "/api/v1/triggers?workflowDefinitionId=" + definition(random)),
				query("latest definitions", (random) -> "/api/v1/definitions?isLatest=true"),
				revalidated("latest definitions, revalidated (If-None-Match)",
						(random) -> "/api/v1/definitions?isLatest=true"),
				query("definition by id", (random) -> "/api/v1/definitions/" + definition(random) + "-v1"),
				revalidated("definition by id, revalidated (If-None-Match)",
						(random) -> "/api/v1/definitions/" + definition(random) + "-v1"),
				query("instance counts by status", (random) -> "/api/v1/stats/instances"),
				query("instance counts of a definition",
						(random) -> "/api/v1/stats/instances?definitionId=" + definition(random)));
	}

	private static ApiQuery query(String name, Function<Random, String> path) {
		return new ApiQuery(name, path.apply(new Random(0)), path, false);
	}

	private static ApiQuery revalidated(String name, Function<Random, String> path) {
		return new ApiQuery(name, path.apply(new Random(0)), path, true);
	}

	private static String definition(Random random) {
		return String.format("def-%02d", random.nextInt(ApiData.DEFINITIONS));
	}

	private static String instance(Random random, int instances) {
		return String.format("inst-%09d", 1 + random.nextInt(instances));
	}

	private static String createdInAnHour(Random random, int instances) {
		Instant from = Instant.parse(ApiData.EPOCH).plusSeconds(2L * (1 + random.nextInt(instances)));
		return "/api/v1/instances?createdFrom=" + from + "&createdTo=" + from.plus(1, ChronoUnit.HOURS)
				+ "&sort=createdAt&order=asc&limit=50";
	}

}

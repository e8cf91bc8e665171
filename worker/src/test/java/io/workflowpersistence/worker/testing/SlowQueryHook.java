package io.workflowpersistence.worker.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.workflowpersistence.worker.api.ReadQueries;
import io.workflowpersistence.worker.api.SqlQuery;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A slow API query on demand: {@code pg_sleep} through the API's own queries, pool and
 * limits; and an API request that holds its turn without a query.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SlowQueryHook {

	/** How many {@code /api/v1/test/hold} requests are holding their turn. */
	public static final AtomicInteger HOLDING = new AtomicInteger();

	@RestController
	static class SlowQueryController {

		private final ReadQueries queries;

		SlowQueryController(ReadQueries queries) {
			this.queries = queries;
		}

		@GetMapping("/api/v1/test/sleep")
		List<String> sleep(@RequestParam double seconds) {
			return this.queries.list(new SqlQuery("SELECT pg_sleep(:seconds)::text", Map.of("seconds", seconds)),
					(row, number) -> "slept");
		}

		@GetMapping("/api/v1/test/hold")
		String hold(@RequestParam long millis) throws InterruptedException {
			HOLDING.incrementAndGet();
			try {
				Thread.sleep(millis);
				return "held";
			}
			finally {
				HOLDING.decrementAndGet();
			}
		}

	}

}

package io.workflowpersistence.worker.api.dashboard;

import java.time.Duration;
import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The numbers behind the dashboard page ({@code static/index.html}); the page reads the
 * event rate, dead letters and lag from {@code /actuator/prometheus}. However many tabs
 * poll, the database is read at most once per {@code worker.dashboard.refresh}.
 */
@RestController
class DashboardController {

	private final DashboardQueries queries;

	private final Duration refresh;

	private DashboardSummary last;

	DashboardController(DashboardQueries queries, DashboardProperties properties) {
		this.queries = queries;
		this.refresh = properties.refresh();
	}

	// Synchronized: the tabs that ask while one reads wait for its answer instead of
	// reading too.
	@GetMapping("/dashboard/summary")
	synchronized DashboardSummary summary() {
		if (this.last == null || this.last.at().plus(this.refresh).isBefore(Instant.now())) {
			this.last = this.queries.summary();
		}
		return this.last;
	}

}

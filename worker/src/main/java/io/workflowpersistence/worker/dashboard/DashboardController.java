package io.workflowpersistence.worker.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The numbers behind the dashboard page ({@code static/index.html}); the page reads the
 * event rate, dead letters and lag from {@code /actuator/prometheus}.
 */
@RestController
class DashboardController {

	private final DashboardQueries queries;

	DashboardController(DashboardQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/dashboard/summary")
	DashboardSummary summary() {
		return this.queries.summary();
	}

}

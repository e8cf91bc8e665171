package io.workflowpersistence.worker.api.datasource;

import java.util.Locale;

import io.workflowpersistence.worker.api.datasource.ReplicaLag.Sample;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health of the database the read API reads from, from the last lag sample: whether
 * it is a standby and how far it lags, DOWN while it cannot be sampled. It never queries
 * the database itself.
 */
@Component("apiDatabase")
class ApiDatabaseHealth implements HealthIndicator {

	private final ReplicaLag lag;

	ApiDatabaseHealth(ReplicaLag lag) {
		this.lag = lag;
	}

	@Override
	public Health health() {
		Sample sample = this.lag.last();
		if (sample.at() == null) {
			return Health.unknown().withDetail("reason", "not sampled yet").build();
		}
		if (sample.error() != null) {
			return Health.down().withDetail("sampledAt", sample.at()).withDetail("error", sample.error()).build();
		}
		Health.Builder health = Health.up()
			.withDetail("role", sample.standby() ? "standby" : "primary")
			.withDetail("sampledAt", sample.at());
		if (sample.lag() != null) {
			health.withDetail("lagSeconds",
					Double.valueOf(String.format(Locale.ROOT, "%.3f", sample.lag().toNanos() / 1e9)));
		}
		return health.build();
	}

}

package io.workflowpersistence.worker.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.workflowpersistence.events.WorkflowInstance;
import io.workflowpersistence.worker.retention.RetentionPolicy.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which time-to-live applies to an instance, and when it has expired.
 */
class RetentionPolicyTests {

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	private final RetentionPolicy policy = new RetentionPolicy(properties(Duration.ofDays(30),
			Map.of("Faulted", Duration.ofDays(90)), Map.of("Order-Flow", Duration.ofDays(7))),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aDefinitionsTimeToLiveOverridesItsStatusAndTheDefault() {
		assertThat(this.policy.ruleFor("order-flow", "Faulted"))
			.contains(new RetentionPolicy.Rule(Reason.DEFINITION, Duration.ofDays(7)));
		assertThat(this.policy.ruleFor("def-a", "faulted"))
			.contains(new RetentionPolicy.Rule(Reason.STATUS, Duration.ofDays(90)));
		assertThat(this.policy.ruleFor("def-a", "Finished"))
			.contains(new RetentionPolicy.Rule(Reason.DEFAULT, Duration.ofDays(30)));
		assertThat(this.policy.shortest()).contains(Duration.ofDays(7));
	}

	@Test
	void anInstanceExpiresOnlyOnceFinishedLongerAgoThanItsTimeToLive() {
		assertThat(this.policy.isExpired(instance("def-a", "Finished", NOW.minus(Duration.ofDays(31))))).isTrue();
		assertThat(this.policy.isExpired(instance("def-a", "Finished", NOW.minus(Duration.ofDays(29))))).isFalse();
		assertThat(this.policy.isExpired(instance("def-a", "Faulted", NOW.minus(Duration.ofDays(60))))).isFalse();
		assertThat(this.policy.isExpired(instance("order-flow", "Faulted", NOW.minus(Duration.ofDays(8))))).isTrue();
	}

	@Test
	void aRunningInstanceNeverExpires() {
		assertThat(this.policy.isExpired(instance("order-flow", "Running", null))).isFalse();
	}

	@Test
	void withoutATimeToLiveRetentionIsOffAndOnlyOverriddenInstancesExpire() {
		RetentionPolicy off = new RetentionPolicy(properties(null, Map.of(), Map.of()), Clock.systemUTC());
		assertThat(off.enabled()).isFalse();
		assertThat(off.isExpired(instance("def-a", "Finished", Instant.EPOCH))).isFalse();

		RetentionPolicy faultedOnly = new RetentionPolicy(
				properties(null, Map.of("Faulted", Duration.ofDays(1)), Map.of()), Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(faultedOnly.enabled()).isTrue();
		assertThat(faultedOnly.isExpired(instance("def-a", "Finished", Instant.EPOCH))).isFalse();
		assertThat(faultedOnly.isExpired(instance("def-a", "Faulted", Instant.EPOCH))).isTrue();
	}

	@Test
	void aTimeToLiveMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ZERO, Map.of(), Map.of()))
			.withMessageContaining("worker.retention.finished-instances");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(null, Map.of("Faulted", Duration.ofDays(-1)), Map.of()))
			.withMessageContaining("by-status.Faulted");
	}

	private static RetentionProperties properties(Duration timeToLive, Map<String, Duration> byStatus,
			Map<String, Duration> byDefinition) {
		return new RetentionProperties(timeToLive, Duration.ofHours(1), byStatus, byDefinition, 500, null);
	}

	private static WorkflowInstance instance(String definitionId, String status, Instant finishedAt) {
		return new WorkflowInstance("i", definitionId, null, 1, status, null, null, null, null, null, null, finishedAt);
	}

}

package io.workflowpersistence.worker.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.workflowpersistence.events.WorkflowInstance;
import io.workflowpersistence.worker.store.InstanceExpiry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which time-to-live applies to a finished instance: its definition's override, else its
 * status's, else the default. Both the sweep and ingestion ask it, so that what a sweep
 * deletes is what ingestion refuses to write again.
 */
@Component
class RetentionPolicy implements InstanceExpiry {

	private final Duration timeToLive;

	private final Map<String, Duration> byStatus;

	private final Map<String, Duration> byDefinition;

	private final Clock clock;

	@Autowired
	RetentionPolicy(RetentionProperties properties) {
		this(properties, Clock.systemUTC());
	}

	RetentionPolicy(RetentionProperties properties, Clock clock) {
		this.timeToLive = properties.finishedInstances();
		this.byStatus = lowerCased(properties.byStatus());
		this.byDefinition = lowerCased(properties.byDefinition());
		this.clock = clock;
	}

	/**
	 * Whether any time-to-live is set.
	 */
	boolean enabled() {
		return shortest().isPresent();
	}

	/**
	 * The shortest time-to-live of all: no instance that finished more recently expires.
	 */
	Optional<Duration> shortest() {
		return Stream
			.concat(Stream.ofNullable(this.timeToLive),
					Stream.concat(this.byStatus.values().stream(), this.byDefinition.values().stream()))
			.min(Duration::compareTo);
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * The rule that applies to an instance of the given definition and status, if any.
	 */
	Optional<Rule> ruleFor(String definitionId, String status) {
		Duration definition = (definitionId != null) ? this.byDefinition.get(definitionId.toLowerCase(Locale.ROOT))
				: null;
		if (definition != null) {
			return Optional.of(new Rule(Reason.DEFINITION, definition));
		}
		Duration forStatus = (status != null) ? this.byStatus.get(status.toLowerCase(Locale.ROOT)) : null;
		if (forStatus != null) {
			return Optional.of(new Rule(Reason.STATUS, forStatus));
		}
		return Optional.ofNullable(this.timeToLive).map((ttl) -> new Rule(Reason.DEFAULT, ttl));
	}

	@Override
	public boolean isExpired(WorkflowInstance instance) {
		if (instance.finishedAt() == null) {
			return false;
		}
		Instant now = now();
		return ruleFor(instance.definitionId(), instance.status())
			.map((rule) -> instance.finishedAt().isBefore(rule.cutoff(now)))
			.orElse(false);
	}

	private static Map<String, Duration> lowerCased(Map<String, Duration> timeToLives) {
		return timeToLives.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap((entry) -> entry.getKey().toLowerCase(Locale.ROOT),
					Map.Entry::getValue, (first, second) -> first.compareTo(second) <= 0 ? first : second));
	}

	/**
	 * Which setting gave an instance its time-to-live, as the metrics tag it.
	 */
	enum Reason {

		DEFINITION, STATUS, DEFAULT;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A time-to-live and the setting it comes from.
	 *
	 * @param reason the setting
	 * @param timeToLive how long after it finished an instance is kept
	 */
	record Rule(Reason reason, Duration timeToLive) {

		/**
		 * Instances that finished before this instant are past their time-to-live.
		 */
		Instant cutoff(Instant now) {
			return now.minus(this.timeToLive);
		}

	}

}

package io.workflowpersistence.events;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema compiled into a check that is cheap because it only has to be sure:
 * {@link #surelyHolds} says {@code true} only for a value that satisfies the schema, and
 * {@code false} for one that does not or that it cannot judge. The full validator decides
 * those, and words the rejection, so that a valid event never pays for it. Built by
 * {@link QuickCheckCompiler}; immutable and thread-safe.
 */
final class QuickCheck {

	static final QuickCheck ANYTHING = new QuickCheck(List.of());

	static final QuickCheck NEVER_SURE = new QuickCheck(List.of((value) -> false));

	private final Constraint[] constraints;

	QuickCheck(List<Constraint> constraints) {
		this.constraints = constraints.toArray(Constraint[]::new);
	}

	boolean surelyHolds(JsonNode value) {
		for (Constraint constraint : this.constraints) {
			if (!constraint.surelyHolds(value)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What one keyword of a schema requires of a value.
	 */
	@FunctionalInterface
	interface Constraint {

		boolean surelyHolds(JsonNode value);

	}

}

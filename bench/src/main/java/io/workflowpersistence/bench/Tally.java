package io.workflowpersistence.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Amounts summed by name.
 */
final class Tally {

	private final Map<String, Double> totals = new HashMap<>();

	void add(String name, double amount) {
		this.totals.merge(name, amount, Double::sum);
	}

	double get(String name) {
		return this.totals.getOrDefault(name, 0.0);
	}

	double sum() {
		return this.totals.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	/**
	 * The largest totals, as shares of {@code whole}, largest first.
	 */
	Map<String, Double> top(int limit, double whole) {
		Map<String, Double> top = new LinkedHashMap<>();
		this.totals.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(limit)
			.forEach((entry) -> top.put(entry.getKey(), entry.getValue() / Math.max(1, whole)));
		return top;
	}

	/**
	 * The totals of the given names that have one, in the given order, as shares of
	 * {@code whole}.
	 */
	Map<String, Double> inOrder(Iterable<String> names, double whole) {
		Map<String, Double> shares = new LinkedHashMap<>();
		for (String name : names) {
			if (this.totals.containsKey(name)) {
				shares.put(name, this.totals.get(name) / Math.max(1, whole));
			}
		}
		return shares;
	}

	/**
	 * The name with the largest total, or {@code null}.
	 */
	String largest() {
		return top(1, 1).keySet().stream().findFirst().orElse(null);
	}

}

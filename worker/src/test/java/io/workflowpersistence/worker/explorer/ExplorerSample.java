package io.workflowpersistence.worker.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.workflowpersistence.worker.testing.Events;

/**
 * The events the explorer's tests publish: two definitions (one with two versions) with
 * tags and a category, a trigger, six order instances alternating finished and suspended,
 * an invoice instance whose third activity faulted, and a bookmark of a suspended order.
 */
final class ExplorerSample {

	static final Instant BASE = Instant.parse("2026-12-01T10:00:00Z");

	static final UUID CATEGORY = UUID.fromString("0b6f4a52-6f4d-4b8e-9a57-3f1c2d9e8a10");

	static final String FAULTED_INSTANCE = "invoice-1";

	static final String FAULTED_ACTIVITY = "invoice-1-charge";

	static final String EXCEPTION = "HttpRequestException: 402 Payment Required (card declined)";

	static final String BOOKMARK_HASH = "HASH-PAYMENT-RECEIVED";

	static final String TRIGGER_HASH = "HASH-ORDERS-ENDPOINT";

	static final int INSTANCES = 7;

	static final int ACTIVITIES = 3;

	private ExplorerSample() {
	}

	static List<Events> events() {
		List<Events> events = new ArrayList<>();
		events.add(Events.category(CATEGORY).with("name", "Sales").with("color", "#2f5bd3").version(1));
		events.add(definition("order-flow-v1", "order-flow", 1, "Order flow", false, List.of("orders")));
		events.add(definition("order-flow-v2", "order-flow", 2, "Order flow", true, List.of("orders", "billing")));
		events.add(definition("invoice-flow-v1", "invoice-flow", 1, "Invoice flow", true, List.of("billing")));
		events.add(Events.trigger("trigger-orders", "order-flow")
			.with("workflowDefinitionVersionId", "order-flow-v2")
			.with("activityId", "HttpEndpoint1")
			.with("name", "POST /orders")
			.with("hash", TRIGGER_HASH)
			.with("data", Map.of("path", "/orders", "methods", List.of("POST")))
			.version(1));
		for (int n = 1; n <= INSTANCES - 1; n++) {
			events.add(order(n));
		}
		events.add(Events.instance(FAULTED_INSTANCE)
			.with("definitionId", "invoice-flow")
			.with("definitionVersionId", "invoice-flow-v1")
			.with("version", 1)
			.with("status", "Finished")
			.with("subStatus", "Faulted")
			.with("name", "invoice 1")
			.with("correlationId", "customer-1")
			.with("data", Map.of("variables", Map.of("invoiceId", "INV-2026-0042", "amount", 129.5)))
			.with("createdAt", at(30))
			.with("updatedAt", at(35))
			.with("finishedAt", at(35))
			.version(3));
		events.add(activity("invoice-1-receive", "Receive invoice", "Elsa.HttpEndpoint", "Completed", 30_000, 31_200,
				null));
		events.add(activity("invoice-1-check", "Check amount", "Elsa.If", "Completed", 31_200, 31_900, null));
		events.add(activity(FAULTED_ACTIVITY, "Charge card", "Elsa.SendHttpRequest", "Faulted", 31_900, 34_500,
				EXCEPTION));
		events.add(Events.bookmark("bookmark-order-2", "order-2")
			.with("hash", BOOKMARK_HASH)
			.with("name", "Payment received")
			.with("activityId", "WaitForPayment")
			.with("data", Map.of("event", "PaymentReceived", "orderId", "order-2"))
			.with("createdAt", at(2 * 60 + 20))
			.version(1));
		return events;
	}

	private static Events definition(String id, String definitionId, int version, String name, boolean latest,
			List<String> tags) {
		return Events.definition(id, definitionId, version)
			.with("name", name)
			.with("isLatest", latest)
			.with("isPublished", true)
			.with("tags", tags)
			.with("categoryId", CATEGORY.toString())
			.version(version);
	}

	// Odd orders finished, even ones wait for a payment; each created a minute after the
	// last.
	private static Events order(int n) {
		boolean finished = n % 2 == 1;
		Events order = Events.instance("order-" + n)
			.with("definitionId", "order-flow")
			.with("definitionVersionId", "order-flow-v2")
			.with("version", 2)
			.with("status", finished ? "Finished" : "Running")
			.with("subStatus", finished ? "Finished" : "Suspended")
			.with("name", "order " + n)
			.with("correlationId", "customer-" + (n % 3))
			.with("createdAt", at(n * 60))
			.with("updatedAt", at(n * 60 + 20 + (7 - n) * 5))
			.version(2);
		return finished ? order.with("finishedAt", at(n * 60 + 20 + (7 - n) * 5)) : order;
	}

	private static Events activity(String id, String name, String type, String status, long startMillis, long endMillis,
			String exception) {
		Events activity = Events.activity(id, FAULTED_INSTANCE)
			.with("activityId", name.replace(" ", ""))
			.with("activityNodeId", "Workflow1:" + name.replace(" ", ""))
			.with("activityName", name)
			.with("activityType", type)
			.with("status", status)
			.with("data", Map.of("input", Map.of("step", name)))
			.with("startedAt", BASE.plus(Duration.ofMillis(startMillis)).toString())
			.with("completedAt", BASE.plus(Duration.ofMillis(endMillis)).toString())
			.version(2);
		return (exception != null) ? activity.with("exception", exception) : activity;
	}

	static String at(long seconds) {
		return BASE.plusSeconds(seconds).toString();
	}

}

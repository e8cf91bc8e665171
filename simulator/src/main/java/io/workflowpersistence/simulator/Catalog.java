package io.workflowpersistence.simulator;

import java.util.List;
import java.util.UUID;

/**
 * What the simulated engine has installed: categories, custom activities and workflow
 * definitions, each with its trigger and the activities its instances run through.
 */
final class Catalog {

	static final List<Category> CATEGORIES = List.of(new Category("Finance", "Money flows", "#2E7D32"),
			new Category("Customers", "Sign-ups and accounts", "#1565C0"),
			new Category("Operations", "Housekeeping and scheduled jobs", "#6D4C41"),
			new Category("Support", "Tickets and service levels", "#EF6C00"),
			new Category("Logistics", "Stock and shipments", "#00838F"));

	static final List<CustomActivity> CUSTOM_ACTIVITIES = List.of(
			new CustomActivity("ScoreRisk", "Score risk", "Finance", "Scores the risk of an order",
					"[{\"name\":\"amount\",\"type\":\"decimal\"}]", "[{\"name\":\"score\",\"type\":\"int\"}]", "1.2.0"),
			new CustomActivity("PostToLedger", "Post to ledger", "Finance", "Books an invoice in the ledger",
					"[{\"name\":\"invoiceId\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"decimal\"}]",
					"[{\"name\":\"entryId\",\"type\":\"string\"}]", "2.0.1"),
			new CustomActivity("VerifyIdentity", "Verify identity", "Customers", "Checks a customer's documents",
					"[{\"name\":\"customerId\",\"type\":\"string\"}]", "[{\"name\":\"verified\",\"type\":\"bool\"}]",
					"1.0.3"),
			new CustomActivity("ClassifyTicket", "Classify ticket", "Support", "Sorts a ticket into a queue",
					"[{\"name\":\"text\",\"type\":\"string\"}]", "[{\"name\":\"queue\",\"type\":\"string\"}]", "0.9.0"),
			new CustomActivity("ReserveStock", "Reserve stock", "Logistics", "Reserves the items of a shipment",
					"[{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"quantity\",\"type\":\"int\"}]",
					"[{\"name\":\"reservationId\",\"type\":\"string\"}]", "1.4.2"));

	static final List<WorkflowTemplate> WORKFLOWS = List.of(new WorkflowTemplate("order-approval", "Order approval",
			"Approves large orders", "Finance", List.of("finance", "approval"), 4, 4,
			new TriggerSpec("HttpEndpoint1", "Elsa.HttpEndpoint", "{\"path\":\"/orders\",\"methods\":[\"POST\"]}"),
			List.of(Step.plain("HttpEndpoint1", "Elsa.HttpEndpoint"),
					Step.plain("ScoreRisk1", "Acme.Activities.ScoreRisk"),
					Step.waiting("Approve1", "Elsa.UserTask", "approval"), Step.plain("SendEmail1", "Elsa.SendEmail"),
					Step.plain("WriteHttpResponse1", "Elsa.WriteHttpResponse")),
			5, "order"),
			new WorkflowTemplate("invoice-processing", "Invoice processing", "Books incoming invoices", "Finance",
					List.of("finance", "accounting"), 3, 2,
					new TriggerSpec("Event1", "Elsa.Event", "{\"eventName\":\"InvoiceReceived\"}"),
					List.of(Step.plain("Event1", "Elsa.Event"), Step.plain("ValidateInvoice1", "Elsa.RunJavaScript"),
							Step.waiting("WaitForDueDate1", "Elsa.Delay", "due-date"),
							Step.plain("PostToLedger1", "Acme.Activities.PostToLedger")),
					4, "invoice"),
			new WorkflowTemplate("customer-onboarding", "Customer onboarding", "Signs up new customers", "Customers",
					List.of("onboarding", "crm"), 2, 2,
					new TriggerSpec("HttpEndpoint1", "Elsa.HttpEndpoint",
							"{\"path\":\"/signup\",\"methods\":[\"POST\"]}"),
					List.of(Step.plain("HttpEndpoint1", "Elsa.HttpEndpoint"),
							Step.plain("VerifyIdentity1", "Acme.Activities.VerifyIdentity"),
							Step.plain("SendWelcomeEmail1", "Elsa.SendEmail"),
							Step.waiting("WaitForEmailVerified1", "Elsa.Event", "EmailVerified"),
							Step.plain("ActivateAccount1", "Elsa.SendHttpRequest")),
					3, "customer"),
			new WorkflowTemplate("support-ticket", "Support ticket", "Routes and resolves support tickets", "Support",
					List.of("support", "sla"), 5, 5,
					new TriggerSpec("Event1", "Elsa.Event", "{\"eventName\":\"TicketOpened\"}"),
					List.of(Step.plain("Event1", "Elsa.Event"),
							Step.plain("ClassifyTicket1", "Acme.Activities.ClassifyTicket"),
							Step.waiting("AssignAgent1", "Elsa.UserTask", "triage"),
							Step.waiting("WaitForCustomerReply1", "Elsa.Event", "CustomerReplied"),
							Step.plain("Resolve1", "Elsa.SetVariable")),
					3, "ticket"),
			new WorkflowTemplate("shipment-tracking", "Shipment tracking", "Follows a parcel to its customer",
					"Logistics", List.of("logistics"), 2, 2,
					new TriggerSpec("HttpEndpoint1", "Elsa.HttpEndpoint",
							"{\"path\":\"/shipments\",\"methods\":[\"POST\"]}"),
					List.of(Step.plain("HttpEndpoint1", "Elsa.HttpEndpoint"),
							Step.plain("ReserveStock1", "Acme.Activities.ReserveStock"),
							Step.waiting("WaitForPickup1", "Elsa.Event", "ParcelPickedUp"),
							Step.waiting("WaitForDelivery1", "Elsa.Event", "ParcelDelivered"),
							Step.plain("NotifyCustomer1", "Elsa.SendEmail")),
					2, "shipment"),
			new WorkflowTemplate("nightly-cleanup", "Nightly cleanup", "Removes expired documents", "Operations",
					List.of("maintenance", "scheduled"), 1, 1,
					new TriggerSpec("Cron1", "Elsa.Cron", "{\"cronExpression\":\"0 0 2 * * *\"}"),
					List.of(Step.plain("Cron1", "Elsa.Cron"), Step.plain("QueryExpired1", "Elsa.RunJavaScript"),
							Step.plain("DeleteExpired1", "Elsa.SendHttpRequest"),
							Step.plain("WriteLine1", "Elsa.WriteLine")),
					1, "cleanup"),
			new WorkflowTemplate("payment-retry", "Payment retry", "Retries a failed card payment", "Finance",
					List.of("finance", "payments"), 2, 2,
					new TriggerSpec("Event1", "Elsa.Event", "{\"eventName\":\"PaymentFailed\"}"),
					List.of(Step.plain("Event1", "Elsa.Event"), Step.plain("ChargeCard1", "Elsa.SendHttpRequest"),
							Step.waiting("Delay1", "Elsa.Delay", "retry"),
							Step.plain("ChargeCard2", "Elsa.SendHttpRequest")),
					2, "payment"));

	static final int TOTAL_WEIGHT = WORKFLOWS.stream().mapToInt(WorkflowTemplate::weight).sum();

	private Catalog() {
	}

	static UUID categoryId(String name) {
		return Ids.uuid("workflow.category:" + name);
	}

	/**
	 * The workflow an instance is started from, by weight.
	 */
	static WorkflowTemplate pick(int draw) {
		int remaining = Math.floorMod(draw, TOTAL_WEIGHT);
		for (WorkflowTemplate workflow : WORKFLOWS) {
			remaining -= workflow.weight();
			if (remaining < 0) {
				return workflow;
			}
		}
		throw new IllegalStateException("Weights add up to " + TOTAL_WEIGHT);
	}

	record Category(String name, String description, String color) {

		UUID id() {
			return categoryId(this.name);
		}

	}

	record CustomActivity(String name, String displayName, String category, String description, String inputs,
			String outputs, String version) {

		UUID id() {
			return Ids.uuid("activity.definition:" + this.name);
		}

		String typeName() {
			return "Acme.Activities." + this.name;
		}

	}

	/**
	 * A workflow definition; versions up to {@code publishedVersion} were published in
	 * turn, a later one is a draft.
	 */
	record WorkflowTemplate(String definitionId, String displayName, String description, String category,
			List<String> tags, int versions, int publishedVersion, TriggerSpec trigger, List<Step> steps, int weight,
			String correlationPrefix) {

		/**
		 * The definition's technical name: its id in PascalCase, e.g.
		 * {@code OrderApproval}.
		 */
		String name() {
			StringBuilder name = new StringBuilder();
			for (String word : this.definitionId.split("-")) {
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
			return name.toString();
		}

		String versionId(int version) {
			return this.definitionId + ":v" + version;
		}

		boolean hasWaitingSteps() {
			return this.steps.stream().anyMatch(Step::waits);
		}

	}

	/**
	 * The activity that starts instances of a workflow, with its payload as JSON text.
	 */
	record TriggerSpec(String activityId, String activityType, String payload) {
	}

	/**
	 * An activity of a workflow; one that waits creates a bookmark named after its type,
	 * carrying {@code detail}, and suspends the instance until it is resumed.
	 */
	record Step(String activityId, String activityType, String detail) {

		static Step plain(String activityId, String activityType) {
			return new Step(activityId, activityType, null);
		}

		static Step waiting(String activityId, String activityType, String detail) {
			return new Step(activityId, activityType, detail);
		}

		boolean waits() {
			return this.detail != null;
		}

		String nodeId() {
			return "Workflow1:Flowchart1:" + this.activityId;
		}

	}

}

package io.workflowpersistence.simulator;

import java.math.BigDecimal;
import java.time.Instant;

import io.workflowpersistence.simulator.Catalog.Step;
import io.workflowpersistence.simulator.Catalog.WorkflowTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code data} of the events about one workflow instance: the instance, its activity
 * execution records and its bookmarks, each upsert carrying the whole entity as Elsa
 * writes it.
 */
final class InstanceEntities {

	private final String instanceId;

	private final WorkflowTemplate workflow;

	private final String correlationId;

	private final BigDecimal amount;

	private final String priority;

	private final Instant createdAt;

	InstanceEntities(String instanceId, WorkflowTemplate workflow, int number, BigDecimal amount, String priority,
			Instant createdAt) {
		this.instanceId = instanceId;
		this.workflow = workflow;
		this.correlationId = workflow.correlationPrefix() + "-" + number;
		this.amount = amount;
		this.priority = priority;
		this.createdAt = createdAt;
	}

	ObjectNode instance(String status, String subStatus, Step current, Instant updatedAt, Instant finishedAt) {
		int version = this.workflow.publishedVersion();
		ObjectNode data = Json.object();
		data.put("id", this.instanceId);
		data.put("definitionId", this.workflow.definitionId());
		data.put("definitionVersionId", this.workflow.versionId(version));
		data.put("version", version);
		data.put("status", status);
		data.put("subStatus", subStatus);
		data.put("correlationId", this.correlationId);
		data.put("name", this.workflow.displayName() + " " + this.correlationId);
		ObjectNode variables = data.putObject("data").putObject("variables");
		variables.put(this.workflow.correlationPrefix() + "Id", this.correlationId);
		variables.put("amount", this.amount);
		variables.put("priority", this.priority);
		variables.put("currentActivity", (current != null) ? current.activityId() : null);
		data.put("createdAt", Json.time(this.createdAt));
		data.put("updatedAt", Json.time(updatedAt));
		data.put("finishedAt", Json.time(finishedAt));
		return data;
	}

	ObjectNode activity(String id, Step step, String status, Instant startedAt, Instant completedAt, String exception) {
		ObjectNode data = Json.object();
		data.put("id", id);
		data.put("workflowInstanceId", this.instanceId);
		data.put("activityId", step.activityId());
		data.put("activityNodeId", step.nodeId());
		data.put("activityName", step.activityId());
		data.put("activityType", step.activityType());
		data.put("status", status);
		ObjectNode payload = data.putObject("data");
		payload.putObject("input").put("correlationId", this.correlationId);
		if (completedAt != null && exception == null) {
			payload.putObject("output").put("outcome", status.equals("Completed") ? "Done" : status);
		}
		data.put("exception", exception);
		data.put("startedAt", Json.time(startedAt));
		data.put("completedAt", Json.time(completedAt));
		return data;
	}

	ObjectNode bookmark(String id, Step step, ObjectNode payload, Instant createdAt) {
		ObjectNode data = Json.object();
		data.put("id", id);
		data.put("workflowInstanceId", this.instanceId);
		data.put("activityId", step.activityId());
		data.put("activityNodeId", step.nodeId());
		data.put("name", step.activityType());
		data.put("hash", Ids.hash(step.activityType() + Json.MAPPER.writeValueAsString(payload)));
		data.set("data", payload);
		data.put("createdAt", Json.time(createdAt));
		return data;
	}

	/**
	 * What the engine waits for at a step: a time, an event about this instance, or a
	 * person.
	 */
	ObjectNode waitingFor(Step step, Instant resumeAt, String assignee) {
		ObjectNode payload = Json.object();
		switch (step.activityType()) {
			case "Elsa.Delay" -> payload.put("resumeAt", Json.time(resumeAt));
			case "Elsa.UserTask" -> payload.put("queue", step.detail()).put("assignee", assignee);
			default -> payload.put("eventName", step.detail()).put("correlationId", this.correlationId);
		}
		return payload;
	}

}

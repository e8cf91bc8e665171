package io.workflowpersistence.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.simulator.Catalog.Category;
import io.workflowpersistence.simulator.Catalog.CustomActivity;
import io.workflowpersistence.simulator.Catalog.Step;
import io.workflowpersistence.simulator.Catalog.WorkflowTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events that install the catalog: categories, custom activities, and each workflow
 * definition published version after version, the previous version's row updated and its
 * trigger replaced each time.
 */
final class CatalogEvents {

	private static final Duration STEP = Duration.ofMillis(5);

	private final List<PlannedEvent> events = new ArrayList<>();

	private Instant time;

	private CatalogEvents(Instant startTime) {
		this.time = startTime;
	}

	/**
	 * The catalog's events, the first at {@code startTime}, a few milliseconds apart.
	 */
	static List<PlannedEvent> plan(Instant startTime) {
		CatalogEvents catalog = new CatalogEvents(startTime);
		Catalog.CATEGORIES.forEach(catalog::category);
		Catalog.CUSTOM_ACTIVITIES.forEach(catalog::customActivity);
		Catalog.WORKFLOWS.forEach(catalog::workflow);
		return catalog.events;
	}

	private void category(Category category) {
		ObjectNode data = Json.object();
		data.put("id", category.id().toString());
		data.put("name", category.name());
		data.put("description", category.description());
		data.put("color", category.color());
		data.put("createdAt", Json.time(this.time));
		data.put("updatedAt", Json.time(this.time));
		add(PlannedEvent.upsert(EventFamily.CATEGORY, category.id().toString(), category.id().toString(), 1, this.time,
				data));
	}

	private void customActivity(CustomActivity activity) {
		ObjectNode data = Json.object();
		data.put("id", activity.id().toString());
		data.put("name", activity.name());
		data.put("displayName", activity.displayName());
		data.put("description", activity.description());
		data.put("category", activity.category());
		data.set("inputProperties", Json.parse(activity.inputs()));
		data.set("outputProperties", Json.parse(activity.outputs()));
		data.put("assemblyName", "Acme.Activities");
		data.put("typeName", activity.typeName());
		data.put("version", activity.version());
		data.put("isEnabled", true);
		data.put("createdAt", Json.time(this.time));
		data.put("updatedAt", Json.time(this.time));
		add(PlannedEvent.upsert(EventFamily.ACTIVITY_DEFINITION, activity.id().toString(), activity.id().toString(), 1,
				this.time, data));
	}

	private void workflow(WorkflowTemplate workflow) {
		Instant previousCreatedAt = null;
		for (int version = 1; version <= workflow.versions(); version++) {
			boolean published = version <= workflow.publishedVersion();
			add(definition(workflow, version, 1, true, published, this.time));
			if (version > 1) {
				// The previous version stays published only while this one is a draft.
				add(definition(workflow, version - 1, 2, false, !published, previousCreatedAt));
			}
			if (published) {
				add(PlannedEvent.upsert(EventFamily.TRIGGER, workflow.definitionId(), triggerId(workflow, version), 1,
						this.time, trigger(workflow, version)));
				if (version > 1) {
					add(PlannedEvent.delete(EventFamily.TRIGGER, workflow.definitionId(),
							triggerId(workflow, version - 1), 2, this.time));
				}
			}
			previousCreatedAt = this.time;
		}
	}

	private PlannedEvent definition(WorkflowTemplate workflow, int version, long entityVersion, boolean latest,
			boolean published, Instant createdAt) {
		ObjectNode data = Json.object();
		data.put("id", workflow.versionId(version));
		data.put("definitionId", workflow.definitionId());
		data.put("version", version);
		data.put("name", workflow.name());
		data.put("displayName", workflow.displayName());
		data.put("description", workflow.description());
		data.put("isLatest", latest);
		data.put("isPublished", published);
		data.set("data", flowchart(workflow));
		data.put("createdAt", Json.time(createdAt));
		data.put("updatedAt", Json.time(this.time));
		data.put("categoryId", Catalog.categoryId(workflow.category()).toString());
		ArrayNode tags = data.putArray("tags");
		// Tags were added over time: the first version has only the first one.
		(version == 1 ? workflow.tags().subList(0, 1) : workflow.tags()).forEach(tags::add);
		return PlannedEvent.upsert(EventFamily.DEFINITION, workflow.definitionId(), workflow.versionId(version),
				entityVersion, this.time, data);
	}

	private static ObjectNode flowchart(WorkflowTemplate workflow) {
		ObjectNode root = Json.object();
		root.put("type", "Elsa.Flowchart");
		ArrayNode activities = root.putArray("activities");
		for (Step step : workflow.steps()) {
			activities.addObject().put("id", step.activityId()).put("type", step.activityType());
		}
		ObjectNode data = Json.object();
		data.set("root", root);
		return data;
	}

	private static ObjectNode trigger(WorkflowTemplate workflow, int version) {
		ObjectNode data = Json.object();
		data.put("id", triggerId(workflow, version));
		data.put("workflowDefinitionId", workflow.definitionId());
		data.put("workflowDefinitionVersionId", workflow.versionId(version));
		data.put("activityId", workflow.trigger().activityId());
		data.put("name", workflow.trigger().activityType());
		data.put("hash", Ids.hash(workflow.trigger().activityType() + workflow.trigger().payload()));
		data.set("data", Json.parse(workflow.trigger().payload()));
		return data;
	}

	private static String triggerId(WorkflowTemplate workflow, int version) {
		return Ids.hex(Ids.mix(0, "trigger:" + workflow.versionId(version)));
	}

	private void add(PlannedEvent event) {
		this.events.add(event);
		this.time = this.time.plus(STEP);
	}

}

package io.workflowpersistence.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.workflowpersistence.simulator.Catalog.Step;
import io.workflowpersistence.simulator.Catalog.WorkflowTemplate;

/**
 * The life of one workflow instance as the events the engine publishes about it: started,
 * its activities run one after the other, suspended on a bookmark where an activity waits
 * and resumed (the bookmark deleted), until it finishes, faults or is cancelled; some are
 * deleted a while later. Status and sub-status follow Elsa 3: {@code Running} with
 * {@code Executing} or {@code Suspended}, then {@code Finished} with {@code Finished},
 * {@code Faulted} or {@code Cancelled}.
 */
final class InstanceScript {

	private static final List<String> EXCEPTIONS = List.of(
			"System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).",
			"System.TimeoutException: The operation has timed out after 00:00:30.",
			"MailKit.Net.Smtp.SmtpCommandException: Mailbox unavailable.",
			"Npgsql.PostgresException: 40001: could not serialize access due to concurrent update",
			"System.InvalidOperationException: Sequence contains no elements",
			"Jint.Runtime.JavaScriptException: amount is not defined");

	private static final List<String> ASSIGNEES = List.of("jane", "omar", "li", "ana", "sam");

	private static final List<String> PRIORITIES = List.of("low", "normal", "normal", "high");

	private final Random random;

	private final long key;

	private final String instanceId;

	private final InstanceEntities entities;

	private final List<PlannedEvent> events = new ArrayList<>();

	private Instant time;

	private long instanceVersion;

	private InstanceScript(long key, Random random, WorkflowTemplate workflow, Instant startedAt) {
		this.key = key;
		this.random = random;
		this.instanceId = Ids.hex(key);
		this.time = startedAt;
		BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(500_000), 2);
		String priority = PRIORITIES.get(random.nextInt(PRIORITIES.size()));
		this.entities = new InstanceEntities(this.instanceId, workflow, 10_000 + random.nextInt(90_000), amount,
				priority, startedAt);
	}

	/**
	 * The events of instance number {@code index} of a run, the first at
	 * {@code startedAt}, in the order they happen.
	 */
	static List<PlannedEvent> plan(SimulatorSettings settings, long index, Instant startedAt) {
		long key = Ids.mix(Ids.mix(settings.seed(), "instance"), index);
		Random random = new Random(key);
		WorkflowTemplate workflow = Catalog.pick(random.nextInt(Catalog.TOTAL_WEIGHT));
		InstanceScript script = new InstanceScript(key, random, workflow, startedAt);
		double outcome = random.nextDouble();
		int faultAt = script.stepWhere(workflow, false);
		int cancelAt = script.stepWhere(workflow, true);
		boolean deleted = random.nextDouble() < settings.deleteRate();
		if (outcome >= settings.faultRate()) {
			faultAt = -1;
		}
		if (outcome < settings.faultRate() || outcome >= settings.faultRate() + settings.cancelRate()) {
			cancelAt = -1;
		}
		script.run(workflow, faultAt, cancelAt, deleted);
		return script.events;
	}

	private void run(WorkflowTemplate workflow, int faultAt, int cancelAt, boolean deleted) {
		instance("Running", "Executing", workflow.steps().get(0), null);
		boolean ended = false;
		for (int index = 0; index < workflow.steps().size() && !ended; index++) {
			Step step = workflow.steps().get(index);
			advance(5, 50);
			String activityId = Ids.hex(Ids.mix(this.key, 2L * index + 1));
			Instant startedAt = this.time;
			activity(activityId, step, "Running", startedAt, null, null, 1);
			if (step.waits()) {
				ended = waitOn(activityId, index, step, startedAt, index == cancelAt);
			}
			else {
				advance(20, 800);
				ended = index == faultAt;
				String exception = ended ? EXCEPTIONS.get(this.random.nextInt(EXCEPTIONS.size())) : null;
				activity(activityId, step, ended ? "Faulted" : "Completed", startedAt, this.time, exception, 2);
				if (ended) {
					advance(1, 5);
					instance("Finished", "Faulted", step, this.time);
				}
			}
		}
		if (!ended) {
			advance(1, 20);
			instance("Finished", "Finished", null, this.time);
		}
		if (deleted) {
			advance(10_000, 60_000);
			this.events.add(PlannedEvent.delete(EventFamily.INSTANCE, this.instanceId, this.instanceId,
					++this.instanceVersion, this.time));
		}
	}

	/**
	 * Suspends the instance on a bookmark until it is resumed or cancelled; whether the
	 * instance ended.
	 */
	private boolean waitOn(String activityId, int index, Step step, Instant startedAt, boolean cancelled) {
		String bookmarkId = Ids.hex(Ids.mix(this.key, 2L * index + 2));
		long wait = 1_000 + this.random.nextInt(step.activityType().equals("Elsa.Delay") ? 20_000 : 40_000);
		String assignee = ASSIGNEES.get(this.random.nextInt(ASSIGNEES.size()));
		advance(1, 5);
		this.events.add(PlannedEvent.upsert(EventFamily.BOOKMARK, this.instanceId, bookmarkId, 1, this.time,
				this.entities.bookmark(bookmarkId, step,
						this.entities.waitingFor(step, this.time.plusMillis(wait), assignee), this.time)));
		advance(1, 5);
		instance("Running", "Suspended", step, null);
		this.time = this.time.plusMillis(wait);
		if (cancelled) {
			instance("Finished", "Cancelled", step, this.time);
			advance(1, 5);
		}
		this.events.add(PlannedEvent.delete(EventFamily.BOOKMARK, this.instanceId, bookmarkId, 2, this.time));
		if (!cancelled) {
			advance(1, 5);
			instance("Running", "Executing", step, null);
			advance(5, 100);
		}
		activity(activityId, step, cancelled ? "Canceled" : "Completed", startedAt, this.time, null, 2);
		return cancelled;
	}

	private void instance(String status, String subStatus, Step current, Instant finishedAt) {
		this.events
			.add(PlannedEvent.upsert(EventFamily.INSTANCE, this.instanceId, this.instanceId, ++this.instanceVersion,
					this.time, this.entities.instance(status, subStatus, current, this.time, finishedAt)));
	}

	private void activity(String id, Step step, String status, Instant startedAt, Instant completedAt, String exception,
			long version) {
		this.events.add(PlannedEvent.upsert(EventFamily.ACTIVITY, this.instanceId, id, version, this.time,
				this.entities.activity(id, step, status, startedAt, completedAt, exception)));
	}

	/**
	 * A step that could fault (one that does not wait, after the first) or be cancelled
	 * (one that waits); -1 when the workflow has none.
	 */
	private int stepWhere(WorkflowTemplate workflow, boolean waits) {
		List<Integer> candidates = new ArrayList<>();
		for (int index = 1; index < workflow.steps().size(); index++) {
			if (workflow.steps().get(index).waits() == waits) {
				candidates.add(index);
			}
		}
		int draw = this.random.nextInt(1_000_000);
		return candidates.isEmpty() ? -1 : candidates.get(draw % candidates.size());
	}

	private void advance(int minMillis, int maxMillis) {
		this.time = this.time.plusMillis(minMillis + this.random.nextInt(maxMillis - minMillis + 1));
	}

}

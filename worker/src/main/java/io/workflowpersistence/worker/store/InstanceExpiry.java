package io.workflowpersistence.worker.store;

import io.workflowpersistence.events.WorkflowInstance;

/**
 * Whether retention removes an instance as soon as an event of it arrives, because it
 * finished longer ago than its time-to-live: such an upsert is applied as a removal, so
 * that a late or replayed event never writes what a sweep would delete.
 */
@FunctionalInterface
public interface InstanceExpiry {

	/**
	 * No instance expires: retention is off.
	 */
	InstanceExpiry NEVER = (instance) -> false;

	/**
	 * Whether the instance, as the event describes it, is past its time-to-live now.
	 * @param instance the instance an upsert carries
	 * @return whether to remove it instead of writing it
	 */
	boolean isExpired(WorkflowInstance instance);

}

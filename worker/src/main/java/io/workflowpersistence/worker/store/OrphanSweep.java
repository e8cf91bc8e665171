package io.workflowpersistence.worker.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.workflowpersistence.events.ActivityExecutionRecord;
import io.workflowpersistence.events.Bookmark;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.worker.store.SqlArrays.TypedArray;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Removes the activity records and bookmarks of deleted instances that a concurrent batch
 * wrote (CONTRACT rule 4). Activities, bookmarks and instances come from different
 * topics, so two consumers may write a child and delete its instance at once: the child's
 * tombstone check does not see the uncommitted tombstone, and the delete's cascade does
 * not see the uncommitted child. Each batch therefore sweeps the instances it touched
 * after it commits: whichever of the two transactions commits second sees both in its
 * sweep and removes the child. Sweeping every deleted instance covers a crash between a
 * commit and its sweep.
 */
@Repository
public class OrphanSweep {

	private static final List<String> SWEEP_INSTANCES = EntityTables.INSTANCES.cascadeSqls();

	private static final List<String> SWEEP_ALL = EntityTables.INSTANCES.sweepSqls();

	private final JdbcTemplate jdbc;

	OrphanSweep(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Removes the children of the deleted instances among those the events delete or
	 * write children of. To be called once the transaction that applied the events has
	 * committed, outside any transaction.
	 * @param events the events of a committed batch
	 * @return the rows removed
	 */
	public int sweep(Collection<WorkflowEvent> events) {
		Set<String> instances = instancesTouched(events);
		if (instances.isEmpty()) {
			return 0;
		}
		List<TypedArray> ids = List.of(new TypedArray("varchar", instances.toArray()));
		int removed = 0;
		for (String sweep : SWEEP_INSTANCES) {
			removed += this.jdbc.update((connection) -> SqlArrays.bind(connection, sweep, ids));
		}
		return removed;
	}

	/**
	 * Removes the children of every deleted instance.
	 * @return the rows removed
	 */
	public int sweepAll() {
		int removed = 0;
		for (String sweep : SWEEP_ALL) {
			removed += this.jdbc.update(sweep);
		}
		return removed;
	}

	private static Set<String> instancesTouched(Collection<WorkflowEvent> events) {
		Set<String> instances = new LinkedHashSet<>();
		for (WorkflowEvent event : events) {
			if (event.entityType() == EntityType.WORKFLOW_INSTANCE && event.isDelete()) {
				instances.add(event.entityId());
			}
			else if (event.entity() instanceof ActivityExecutionRecord activity) {
				instances.add(activity.workflowInstanceId());
			}
			else if (event.entity() instanceof Bookmark bookmark) {
				instances.add(bookmark.workflowInstanceId());
			}
		}
		return instances;
	}

}

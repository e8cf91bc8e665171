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
 * wrote (docs/contract.md, rule 4). Activities, bookmarks and instances come from
 * different topics, so two consumers may write a child and delete its instance at once:
 * the child's tombstone check does not see the uncommitted tombstone, and the delete's
 * cascade does not see the uncommitted child. Each batch therefore sweeps the instances
 * it touched after it commits: whichever of the two transactions commits second sees both
 * in its sweep and removes the child. Sweeping every deleted instance covers a crash
 * between a commit and its sweep. The same holds for instances removed by retention, and
 * for an upsert of such an instance that a concurrent batch wrote: the upsert's check did
 * not see the uncommitted removal record.
 */
@Repository
public class OrphanSweep {

	private static final List<String> SWEEP_INSTANCES = EntityTables.INSTANCES.cascadeSqls();

	private static final List<String> SWEEP_ALL = EntityTables.INSTANCES.sweepSqls();

	private static final String REMOVE_INSTANCES = """
			DELETE FROM WorkflowInstances i
			WHERE i.Id IN (
			    SELECT s.Id FROM WorkflowInstances s
			    WHERE s.Id = ANY(ARRAY(
			        SELECT batch.Id FROM unnest(?::varchar[]) AS batch(Id)
			        WHERE EXISTS (
			            SELECT 1 FROM RemovedInstances r
			            WHERE r.Id = batch.Id
			            OFFSET 0)))
			    ORDER BY s.Id
			    FOR UPDATE OF s)
			""";

	private static final String REMOVE_ALL_INSTANCES = """
			DELETE FROM WorkflowInstances i
			WHERE i.Id IN (
			    SELECT s.Id FROM WorkflowInstances s
			    WHERE EXISTS (
			        SELECT 1 FROM RemovedInstances r
			        WHERE r.Id = s.Id AND r.RemovedAt > now() - interval '7 days')
			    ORDER BY s.Id
			    FOR UPDATE OF s)
			""";

	private final JdbcTemplate jdbc;

	OrphanSweep(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Removes the instances removed by retention among those the events write, and the
	 * children of the deleted or removed instances among those the events delete or write
	 * children of. To be called once the transaction that applied the events has
	 * committed, outside any transaction.
	 * @param events the events of a committed batch
	 * @return the rows removed
	 */
	public int sweep(Collection<WorkflowEvent> events) {
		int removed = 0;
		Set<String> written = instancesWritten(events);
		if (!written.isEmpty()) {
			removed += this.jdbc.update((connection) -> SqlArrays.bind(connection, REMOVE_INSTANCES,
					List.of(new TypedArray("varchar", written.toArray()))));
		}
		Set<String> instances = instancesTouched(events);
		if (instances.isEmpty()) {
			return removed;
		}
		List<TypedArray> ids = List.of(new TypedArray("varchar", instances.toArray()));
		for (String sweep : SWEEP_INSTANCES) {
			removed += this.jdbc.update((connection) -> SqlArrays.bind(connection, sweep, ids));
		}
		return removed;
	}

	/**
	 * Removes every instance removed by retention that a concurrent batch wrote again,
	 * and the children of every deleted or removed instance.
	 * @return the rows removed
	 */
	public int sweepAll() {
		int removed = this.jdbc.update(REMOVE_ALL_INSTANCES);
		for (String sweep : SWEEP_ALL) {
			removed += this.jdbc.update(sweep);
		}
		return removed;
	}

	private static Set<String> instancesWritten(Collection<WorkflowEvent> events) {
		Set<String> instances = new LinkedHashSet<>();
		for (WorkflowEvent event : events) {
			if (event.entityType() == EntityType.WORKFLOW_INSTANCE && !event.isDelete()) {
				instances.add(event.entityId());
			}
		}
		return instances;
	}

	private static Set<String> instancesTouched(Collection<WorkflowEvent> events) {
		Set<String> instances = new LinkedHashSet<>();
		for (WorkflowEvent event : events) {
			if (event.entityType() == EntityType.WORKFLOW_INSTANCE) {
				// An upsert may have been applied as a removal by retention.
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

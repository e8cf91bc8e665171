package io.workflowpersistence.worker.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.workflowpersistence.events.ActivityExecutionRecord;
import io.workflowpersistence.events.Bookmark;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.worker.store.SqlArrays.TypedArray;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises deleting an instance against writing its activity records and bookmarks when
 * they are consumed from different partitions at once (CONTRACT rule 4): an instance
 * delete takes an exclusive transaction lock on the instance's stripe, a child write a
 * shared one. Without it, a child written concurrently with its instance's delete could
 * see no tombstone while the delete's cascade does not see the child.
 */
@Component
class InstanceLocks {

	// Stripes bound the number of locks one transaction holds, whatever the batch size.
	static final int STRIPES = 256;

	private static final int LOCK_SPACE = 0x57F1;

	// One statement, stripes in ascending order, so concurrent batches cannot deadlock.
	private static final String LOCK = """
			SELECT count(*) FROM (
			    SELECT CASE WHEN exclusive THEN pg_advisory_xact_lock(?, stripe) IS NULL
			                ELSE pg_advisory_xact_lock_shared(?, stripe) IS NULL END
			    FROM (
			        SELECT stripe, exclusive FROM unnest(?::int[], ?::boolean[]) AS l(stripe, exclusive)
			        ORDER BY stripe
			    ) ordered
			) locked
			""";

	private final JdbcTemplate jdbc;

	InstanceLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void lockFor(List<WorkflowEvent> events) {
		Map<Integer, Boolean> stripes = new TreeMap<>();
		for (WorkflowEvent event : events) {
			if (event.entityType() == EntityType.WORKFLOW_INSTANCE && event.isDelete()) {
				stripes.put(stripe(event.entityId()), true);
			}
			else if (event.entity() instanceof ActivityExecutionRecord activity) {
				stripes.putIfAbsent(stripe(activity.workflowInstanceId()), false);
			}
			else if (event.entity() instanceof Bookmark bookmark) {
				stripes.putIfAbsent(stripe(bookmark.workflowInstanceId()), false);
			}
		}
		if (!stripes.isEmpty()) {
			List<Object> parameters = List.of(LOCK_SPACE, LOCK_SPACE, new TypedArray("int", stripes.keySet().toArray()),
					new TypedArray("boolean", stripes.values().toArray()));
			this.jdbc.query((connection) -> SqlArrays.bind(connection, LOCK, parameters), (row) -> {
			});
		}
	}

	private static int stripe(String instanceId) {
		return Math.floorMod(instanceId.hashCode(), STRIPES);
	}

}

package io.workflowpersistence.simulator;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * One event of the simulated engine before it is encoded: the version of its entity, the
 * time it happened and the time it is delivered ({@code emitAt}, later than {@code time}
 * when its delivery is delayed).
 */
record PlannedEvent(EventFamily family, boolean deleted, String key, String entityId, long version, Instant time,
		ObjectNode data, Instant emitAt) {

	static PlannedEvent upsert(EventFamily family, String key, String entityId, long version, Instant time,
			ObjectNode data) {
		return new PlannedEvent(family, false, key, entityId, version, time, data, time);
	}

	static PlannedEvent delete(EventFamily family, String key, String entityId, long version, Instant time) {
		ObjectNode data = Json.object();
		data.put("id", entityId);
		return new PlannedEvent(family, true, key, entityId, version, time, data, time);
	}

	String type() {
		return this.family.type(this.deleted);
	}

	PlannedEvent delayedTo(Instant emitAt) {
		return new PlannedEvent(this.family, this.deleted, this.key, this.entityId, this.version, this.time, this.data,
				emitAt);
	}

}

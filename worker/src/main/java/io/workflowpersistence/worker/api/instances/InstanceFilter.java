package io.workflowpersistence.worker.api.instances;

import java.time.OffsetDateTime;
import java.util.List;

import io.workflowpersistence.worker.api.ParameterReader;
import io.workflowpersistence.worker.api.Where;

/**
 * The instance filters of a list, search or count, read and typed.
 *
 * @param statuses statuses to match, any of them, or {@code null}
 * @param subStatus the sub-status to match, or {@code null}
 * @param definitionIds definition ids to match, any of them, or {@code null}
 * @param correlationId the correlation id to match, or {@code null}
 * @param name a substring of the name, or {@code null}
 * @param createdFrom the earliest creation time, inclusive, or {@code null}
 * @param createdTo the exclusive upper bound of the creation time, or {@code null}
 * @param updatedFrom the earliest update time, inclusive, or {@code null}
 * @param updatedTo the exclusive upper bound of the update time, or {@code null}
 */
record InstanceFilter(List<String> statuses, String subStatus, List<String> definitionIds, String correlationId,
		String name, OffsetDateTime createdFrom, OffsetDateTime createdTo, OffsetDateTime updatedFrom,
		OffsetDateTime updatedTo) {

	static InstanceFilter read(ParameterReader reader, InstanceFilterParameters parameters) {
		return new InstanceFilter(reader.statuses("status", parameters.status()),
				reader.status("subStatus", parameters.subStatus()),
				reader.texts("definitionId", parameters.definitionId()),
				reader.text("correlationId", parameters.correlationId()), reader.text("name", parameters.name()),
				reader.timestamp("createdFrom", parameters.createdFrom()),
				reader.timestamp("createdTo", parameters.createdTo()),
				reader.timestamp("updatedFrom", parameters.updatedFrom()),
				reader.timestamp("updatedTo", parameters.updatedTo()));
	}

	/**
	 * Whether the instance counts kept by definition, status and sub-status (migration
	 * V12) answer a count under these filters: no filter on anything else is given.
	 */
	boolean answeredByKeptCounts() {
		return this.correlationId == null && (this.name == null || this.name.isEmpty()) && this.createdFrom == null
				&& this.createdTo == null && this.updatedFrom == null && this.updatedTo == null;
	}

	Where where() {
		return new Where().in("Status", "status", this.statuses)
			.equal("SubStatus", "subStatus", this.subStatus)
			.in("DefinitionId", "definitionId", this.definitionIds)
			.equal("CorrelationId", "correlationId", this.correlationId)
			.contains("Name", "name", this.name)
			.from("CreatedAt", "createdFrom", this.createdFrom)
			.to("CreatedAt", "createdTo", this.createdTo)
			.from("UpdatedAt", "updatedFrom", this.updatedFrom)
			.to("UpdatedAt", "updatedTo", this.updatedTo);
	}

}

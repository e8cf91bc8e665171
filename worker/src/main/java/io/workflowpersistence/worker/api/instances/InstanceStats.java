package io.workflowpersistence.worker.api.instances;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.jdbc.core.RowMapper;

/**
 * How many instances match the filters, by status and, within each status, by sub-status.
 *
 * @param totalCount the number of matching instances
 * @param statuses the counts of each status, by status name
 */
record InstanceStats(long totalCount, List<StatusCount> statuses) {

	static InstanceStats of(List<Row> rows) {
		Map<String, List<SubStatusCount>> byStatus = new LinkedHashMap<>();
		for (Row row : rows) {
			byStatus.computeIfAbsent(row.status(), (status) -> new ArrayList<>())
				.add(new SubStatusCount(row.subStatus(), row.count()));
		}
		List<StatusCount> statuses = byStatus.entrySet()
			.stream()
			.map((entry) -> new StatusCount(entry.getKey(),
					entry.getValue().stream().mapToLong(SubStatusCount::count).sum(), List.copyOf(entry.getValue())))
			.toList();
		return new InstanceStats(rows.stream().mapToLong(Row::count).sum(), statuses);
	}

	/**
	 * The count of one status.
	 *
	 * @param status the status
	 * @param count how many matching instances have it
	 * @param subStatuses the counts of its sub-statuses, NULL last
	 */
	record StatusCount(String status, long count, List<SubStatusCount> subStatuses) {

	}

	/**
	 * The count of one sub-status within a status.
	 *
	 * @param subStatus the sub-status, {@code null} for instances without one
	 * @param count how many matching instances of the status have it
	 */
	record SubStatusCount(@Schema(nullable = true) String subStatus, long count) {

	}

	/**
	 * One row of the count query.
	 *
	 * @param status the status
	 * @param subStatus the sub-status
	 * @param count how many instances have both
	 */
	record Row(String status, String subStatus, long count) {

		static final RowMapper<Row> MAPPER = (rs, rowNum) -> new Row(rs.getString("status"), rs.getString("substatus"),
				rs.getLong("count"));

	}

}

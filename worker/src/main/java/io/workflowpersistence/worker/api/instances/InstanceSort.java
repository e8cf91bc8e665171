package io.workflowpersistence.worker.api.instances;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.workflowpersistence.worker.api.Cursor;

/**
 * The fields instance lists can be sorted by, each backed by a {@code (column, Id)}
 * index.
 */
enum InstanceSort {

	CREATED_AT("createdAt", "CreatedAt", InstanceSummary::createdAt),

	UPDATED_AT("updatedAt", "UpdatedAt", InstanceSummary::updatedAt),

	FINISHED_AT("finishedAt", "FinishedAt", InstanceSummary::finishedAt);

	static final List<String> FIELDS = Arrays.stream(values()).map(InstanceSort::field).toList();

	private final String field;

	private final String column;

	private final Function<InstanceSummary, Instant> value;

	InstanceSort(String field, String column, Function<InstanceSummary, Instant> value) {
		this.field = field;
		this.column = column;
		this.value = value;
	}

	String field() {
		return this.field;
	}

	String column() {
		return this.column;
	}

	Cursor cursorAfter(InstanceSummary row, boolean descending) {
		return new Cursor(this.field, descending, this.value.apply(row), row.id());
	}

	static InstanceSort of(String field) {
		return Arrays.stream(values()).filter((sort) -> sort.field.equals(field)).findFirst().orElse(CREATED_AT);
	}

}

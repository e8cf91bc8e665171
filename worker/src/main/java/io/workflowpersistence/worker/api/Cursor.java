package io.workflowpersistence.worker.api;

import java.time.Instant;

/**
 * Where a page ends: the sort it was issued for, and the sort value and id of the last
 * row on it; the next page starts after that row.
 *
 * @param sort the name of the sort field ({@code id} for lists ordered by id only)
 * @param descending whether the list runs in descending order
 * @param value the sort value of the last row, {@code null} when that row has none
 * @param id the id of the last row
 */
public record Cursor(String sort, boolean descending, Instant value, String id) {

	/** The sort name of lists ordered by id alone. */
	public static final String BY_ID = "id";

	/**
	 * A cursor of a list ordered by id alone.
	 * @param id the id of the last row
	 * @return the cursor after that row
	 */
	public static Cursor afterId(String id) {
		return new Cursor(BY_ID, false, null, id);
	}

}

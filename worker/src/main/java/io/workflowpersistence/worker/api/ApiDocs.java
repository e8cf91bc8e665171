package io.workflowpersistence.worker.api;

/**
 * Descriptions shared by the OpenAPI document of several endpoints.
 */
public final class ApiDocs {

	/**
	 * The {@code limit} parameter; its range and default are added from the settings.
	 */
	public static final String LIMIT = "Page size.";

	/** The {@code cursor} parameter. */
	public static final String CURSOR = "Opaque cursor of the page to read: the nextCursor of the page before. "
			+ "Absent for the first page; valid only with the same sort and order.";

	/** The {@code count} parameter. */
	public static final String COUNT = "true adds totalCount, the number of rows matching the filters over all pages.";

	/** A timestamp parameter. */
	public static final String TIMESTAMP_FORMAT = " ISO-8601 timestamp with an offset, e.g. 2024-05-01T08:00:00Z.";

	/** The {@code name} parameter of every list that has one. */
	public static final String NAME = "Substring of the name, ignoring case; % and _ are matched literally.";

	private ApiDocs() {
	}

}

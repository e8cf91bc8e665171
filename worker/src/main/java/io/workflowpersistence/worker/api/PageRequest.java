package io.workflowpersistence.worker.api;

import java.util.UUID;

/**
 * Which page of a list a request asks for.
 *
 * @param limit the page size
 * @param after the cursor the page starts after, or {@code null} for the first page
 * @param count whether the answer carries the total count of matching rows
 */
public record PageRequest(int limit, Cursor after, boolean count) {

	/**
	 * Reads the paging parameters of a list ordered by id alone.
	 * @param reader the reader collecting bad parameters
	 * @param parameters the raw paging parameters
	 * @return the page asked for
	 */
	public static PageRequest read(ParameterReader reader, PageParameters parameters) {
		return read(reader, parameters, Cursor.BY_ID, false);
	}

	/**
	 * Reads the paging parameters of a list ordered by a UUID id alone.
	 * @param reader the reader collecting bad parameters
	 * @param parameters the raw paging parameters
	 * @return the page asked for
	 */
	public static PageRequest readUuidKeyed(ParameterReader reader, PageParameters parameters) {
		PageRequest page = read(reader, parameters);
		if (page.after() != null && reader.uuid("cursor", page.after().id()) == null) {
			return new PageRequest(page.limit(), null, page.count());
		}
		return page;
	}

	/**
	 * The id the page starts after, as a UUID.
	 * @return the UUID of the cursor, or {@code null} for the first page
	 */
	public UUID afterUuid() {
		return (this.after != null) ? UUID.fromString(this.after.id()) : null;
	}

	/**
	 * Reads the paging parameters of a list.
	 * @param reader the reader collecting bad parameters
	 * @param parameters the raw paging parameters
	 * @param sort the sort the request asks for
	 * @param descending whether the request asks for descending order
	 * @return the page asked for
	 */
	public static PageRequest read(ParameterReader reader, PageParameters parameters, String sort, boolean descending) {
		int limit = readLimit(reader, parameters.limit());
		Cursor after = readCursor(reader, parameters.cursor(), sort, descending);
		Boolean count = reader.bool("count", parameters.count());
		return new PageRequest(limit, after, Boolean.TRUE.equals(count));
	}

	private static int readLimit(ParameterReader reader, String value) {
		ApiProperties properties = reader.properties();
		if (value == null) {
			return properties.defaultLimit();
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1 && limit <= properties.maxLimit()) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		reader.reject("limit", "must be an integer from 1 to " + properties.maxLimit());
		return properties.defaultLimit();
	}

	private static Cursor readCursor(ParameterReader reader, String value, String sort, boolean descending) {
		if (value == null) {
			return null;
		}
		Cursor cursor = CursorCodec.decode(value).orElse(null);
		if (cursor == null) {
			return reader.reject("cursor", "is not a cursor this API returned");
		}
		if (!cursor.sort().equals(sort) || cursor.descending() != descending) {
			return reader.reject("cursor", "was returned for another sort or order than this request asks for");
		}
		return cursor;
	}

}

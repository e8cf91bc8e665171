package io.workflowpersistence.worker.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the SQL of one keyset page. A list ordered by a nullable column, then by id, is
 * read as two branches: the rows with a value from the cursor on, in (column, id) order,
 * then the rows without a value, in id order. Each branch is one range of a
 * {@code (column, id)} index read in either direction, so NULLs come last in both orders
 * and no page ever sorts more than two pages of rows.
 */
public final class KeysetSql {

	private static final String SORTED_PAGE = """
			SELECT * FROM (%s) page
			ORDER BY %s NULLS LAST, %s
			LIMIT :limit""";

	private static final String BRANCH = "(SELECT %s FROM %s %s ORDER BY %s LIMIT :limit)";

	private static final String ID_PAGE = "SELECT %s FROM %s %s ORDER BY %s LIMIT :limit";

	private static final String COUNT = "SELECT count(*) FROM %s %s";

	private KeysetSql() {
	}

	/**
	 * The query of one page ordered by a nullable timestamp column, then by id; it reads
	 * one row more than the page holds, to tell whether another page follows.
	 * @param source the table and its columns
	 * @param where the filters
	 * @param ordering the sort column and direction
	 * @param page the page asked for
	 * @return the query
	 */
	public static SqlQuery sortedPage(Source source, Where where, Ordering ordering, PageRequest page) {
		String direction = ordering.descending() ? " DESC" : " ASC";
		String after = ordering.descending() ? " < " : " > ";
		String column = ordering.column();
		String order = column + direction + ", " + source.id() + direction;
		Cursor cursor = page.after();
		List<String> branches = new ArrayList<>(2);
		if (cursor == null || cursor.value() != null) {
			String keyset = (cursor != null)
					? "(" + column + ", " + source.id() + ")" + after + "(:afterValue, :afterId)" : null;
			branches.add(branch(source, where, order, column + " IS NOT NULL", keyset));
		}
		String nullKeyset = (cursor != null && cursor.value() == null) ? source.id() + after + ":afterId" : null;
		branches.add(branch(source, where, order, column + " IS NULL", nullKeyset));
		String sql = SORTED_PAGE.formatted(String.join("\nUNION ALL\n", branches), column + direction,
				source.id() + direction);
		Map<String, Object> parameters = pageParameters(where, page);
		if (cursor != null && cursor.value() != null) {
			parameters.put("afterValue", OffsetDateTime.ofInstant(cursor.value(), ZoneOffset.UTC));
		}
		return new SqlQuery(sql, parameters);
	}

	/**
	 * The query of one page ordered by id alone; it reads one row more than the page
	 * holds.
	 * @param source the table and its columns
	 * @param where the filters
	 * @param page the page asked for
	 * @param afterId the id the page starts after, typed as the id column, or
	 * {@code null}
	 * @return the query
	 */
	public static SqlQuery idPage(Source source, Where where, PageRequest page, Object afterId) {
		String keyset = (afterId != null) ? source.id() + " > :afterId" : null;
		String sql = ID_PAGE.formatted(source.columns(), source.from(), clause(where, keyset), source.id());
		Map<String, Object> parameters = pageParameters(where, page);
		if (afterId != null) {
			parameters.put("afterId", afterId);
		}
		return new SqlQuery(sql, parameters);
	}

	/**
	 * The query that counts the rows matching the filters.
	 * @param source the table
	 * @param where the filters
	 * @return the query
	 */
	public static SqlQuery count(Source source, Where where) {
		return new SqlQuery(COUNT.formatted(source.from(), where.clause()), where.parameters());
	}

	private static String branch(Source source, Where where, String order, String... conditions) {
		return BRANCH.formatted(source.columns(), source.from(), clause(where, conditions), order);
	}

	private static String clause(Where where, String... conditions) {
		return where.clause(Arrays.stream(conditions).filter(Objects::nonNull).toArray(String[]::new));
	}

	private static Map<String, Object> pageParameters(Where where, PageRequest page) {
		Map<String, Object> parameters = where.parameters();
		parameters.put("limit", page.limit() + 1);
		if (page.after() != null && !Cursor.BY_ID.equals(page.after().sort())) {
			parameters.put("afterId", page.after().id());
		}
		return parameters;
	}

	/**
	 * The table a list reads and the columns of its rows.
	 *
	 * @param columns the select list; it must name the sort and id columns unqualified
	 * @param from the table, with an alias when the filters need one
	 * @param id the id column, the tie-breaker of every order
	 */
	public record Source(String columns, String from, String id) {

	}

	/**
	 * The column a list is sorted by, and the direction.
	 *
	 * @param column the sort column, named as in the select list
	 * @param descending whether the order is descending
	 */
	public record Ordering(String column, boolean descending) {

	}

}

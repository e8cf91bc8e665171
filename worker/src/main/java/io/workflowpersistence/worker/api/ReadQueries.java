package io.workflowpersistence.worker.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import io.workflowpersistence.worker.api.datasource.ApiDataSource;
import io.workflowpersistence.worker.api.datasource.RecoveryConflictRetry;
import io.workflowpersistence.worker.protection.SensitiveValues;
import io.workflowpersistence.worker.security.Scopes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the read queries of the API on its own read-only pool, each cancelled by
 * PostgreSQL after the configured query timeout and run once more when a standby cancels
 * it for a recovery conflict, shows encrypted values as the caller may see them, and
 * turns keyset queries into pages.
 */
@Component
public class ReadQueries {

	private final JdbcClient jdbc;

	private final SensitiveValues sensitiveValues;

	private final RecoveryConflictRetry retry;

	/**
	 * Creates the query runner.
	 * @param dataSource the API's connection pool
	 * @param properties the query timeout
	 * @param sensitiveValues decrypts or masks encrypted values
	 * @param retry runs a read again after a recovery conflict
	 */
	public ReadQueries(@ApiDataSource DataSource dataSource, ApiProperties properties, SensitiveValues sensitiveValues,
			RecoveryConflictRetry retry) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.max(1, properties.queryTimeout().toSeconds()));
		this.jdbc = JdbcClient.create(template);
		this.sensitiveValues = sensitiveValues;
		this.retry = retry;
	}

	/**
	 * Reads all rows of a query.
	 * @param <T> the row type
	 * @param query the query
	 * @param mapper maps one row
	 * @return the rows
	 */
	public <T> List<T> list(SqlQuery query, RowMapper<T> mapper) {
		return this.retry
			.run(() -> this.jdbc.sql(query.sql()).params(query.parameters()).query(revealing(mapper)).list());
	}

	/**
	 * Reads the single row of a query, if there is one.
	 * @param <T> the row type
	 * @param query the query
	 * @param mapper maps the row
	 * @return the row, or empty
	 */
	public <T> Optional<T> optional(SqlQuery query, RowMapper<T> mapper) {
		return this.retry
			.run(() -> this.jdbc.sql(query.sql()).params(query.parameters()).query(revealing(mapper)).optional());
	}

	/**
	 * Reads one page of a keyset query built by {@link KeysetSql}.
	 * @param <T> the row type
	 * @param rows the page query, reading one row more than the page holds
	 * @param count the count query, run only when the request asks for the total
	 * @param page the page asked for
	 * @param mapper maps one row
	 * @param cursorOf the cursor after a row
	 * @return the page, with the cursor of the next one when more rows follow
	 */
	public <T> Page<T> page(SqlQuery rows, SqlQuery count, PageRequest page, RowMapper<T> mapper,
			Function<T, Cursor> cursorOf) {
		List<T> read = list(rows, mapper);
		boolean more = read.size() > page.limit();
		List<T> items = more ? read.subList(0, page.limit()) : read;
		String nextCursor = more ? CursorCodec.encode(cursorOf.apply(items.get(items.size() - 1))) : null;
		Long totalCount = page.count()
				? this.retry.run(() -> this.jdbc.sql(count.sql()).params(count.parameters()).query(Long.class).single())
				: null;
		return new Page<>(List.copyOf(items), nextCursor, totalCount);
	}

	// Encrypted values are decrypted for callers with the scope, masked for the rest.
	private <T> RowMapper<T> revealing(RowMapper<T> mapper) {
		return this.sensitiveValues.revealing(mapper, Scopes.currentCallerHas(Scopes.READ_SENSITIVE));
	}

}

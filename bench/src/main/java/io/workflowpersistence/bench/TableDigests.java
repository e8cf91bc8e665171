package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * A digest of every row of each table ingestion fills, so that the rows two drains left
 * can be compared without moving them out of the database: two tables have the same
 * digest when they hold the same rows, column for column, whatever order they were
 * written in.
 *
 * @param digests the digest of each table, by name
 */
record TableDigests(Map<String, String> digests) {

	/**
	 * Each row as JSON without the columns that say when it was written (the database's
	 * {@code now()}, which no two drains share), hashed with MD5; the table's digest is
	 * its row count and the sums of the two halves of those hashes. Sums do not depend on
	 * the order of the rows, so nothing is sorted.
	 */
	private static final String DIGEST = """
			SELECT count(*),
			       coalesce(sum(('x' || substr(Hash, 1, 16))::bit(64)::bigint::numeric), 0),
			       coalesce(sum(('x' || substr(Hash, 17, 16))::bit(64)::bigint::numeric), 0)
			FROM (SELECT md5((to_jsonb(Stored) - 'ingestedat' - 'deletedat')::text) AS Hash FROM %s Stored) Hashes
			""";

	/**
	 * The digests of the tables of {@link Tables#ALL} in the database.
	 */
	static TableDigests of(DatabaseInfo database) throws SQLException {
		Map<String, String> digests = new LinkedHashMap<>();
		try (Connection connection = Databases.connect(database); Statement statement = connection.createStatement()) {
			for (String table : Tables.ALL) {
				try (ResultSet result = statement.executeQuery(DIGEST.formatted(table))) {
					result.next();
					digests.put(table, result.getLong(1) + " rows, " + result.getString(2) + "/" + result.getString(3));
				}
			}
		}
		return new TableDigests(digests);
	}

	/**
	 * The tables whose rows differ from those of the reference (a table missing from
	 * either differs).
	 */
	List<String> differingFrom(TableDigests reference) {
		return reference.digests.keySet()
			.stream()
			.filter((table) -> !Objects.equals(this.digests.get(table), reference.digests.get(table)))
			.toList();
	}

}

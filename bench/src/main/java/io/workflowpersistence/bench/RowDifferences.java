package io.workflowpersistence.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.workflowpersistence.db.testing.DatabaseInfo;

/**
 * How the rows one consumer left differ from those another left, table by table, by
 * primary key and the version of the event that wrote each row.
 *
 * @param missing rows of the reference absent from the other
 * @param extra rows of the other absent from the reference
 * @param otherVersion rows present in both but written by another version of the entity
 */
record RowDifferences(Map<String, Long> missing, Map<String, Long> extra, Map<String, Long> otherVersion) {

	/**
	 * Compares the tables that both the worker and the peer write.
	 */
	static RowDifferences between(DatabaseInfo reference, DatabaseInfo other) throws SQLException {
		Map<String, Long> missing = new LinkedHashMap<>();
		Map<String, Long> extra = new LinkedHashMap<>();
		Map<String, Long> otherVersion = new LinkedHashMap<>();
		for (String table : PeerRecords.TABLES.values()) {
			Map<String, Long> expected = versions(reference, table);
			Map<String, Long> actual = versions(other, table);
			missing.put(table, expected.keySet().stream().filter((id) -> !actual.containsKey(id)).count());
			extra.put(table, actual.keySet().stream().filter((id) -> !expected.containsKey(id)).count());
			otherVersion.put(table,
					expected.entrySet()
						.stream()
						.filter((row) -> actual.containsKey(row.getKey())
								&& !Objects.equals(actual.get(row.getKey()), row.getValue()))
						.count());
		}
		return new RowDifferences(missing, extra, otherVersion);
	}

	long total() {
		return Tables.total(this.missing) + Tables.total(this.extra) + Tables.total(this.otherVersion);
	}

	private static Map<String, Long> versions(DatabaseInfo database, String table) throws SQLException {
		Map<String, Long> versions = new HashMap<>();
		try (Connection connection = Databases.connect(database);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT Id::text, EventVersion FROM " + table)) {
			while (rows.next()) {
				versions.put(rows.getString(1), rows.getLong(2));
			}
		}
		return versions;
	}

}

package io.workflowpersistence.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.events.OrderingKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL function {@code is_newer} and {@link OrderingKey#isNewerThan} decide alike, so
 * the worker may compare keys in Java (reducing a batch) and in SQL (against stored
 * rows).
 */
class IsNewerFunctionIntegrationTests {

	private static final String IS_NEWER = """
			SELECT is_newer(?::bigint, ?::timestamptz, ?::bigint, ?::timestamptz)
			""";

	private static final Instant T1 = Instant.parse("2025-03-01T10:15:30.123456Z");

	private static final Instant T2 = T1.plusSeconds(1);

	private static Connection connection;

	private static PreparedStatement isNewer;

	@BeforeAll
	static void connect() throws SQLException {
		DatabaseInfo database = TestDatabase.server().migratedDatabase("is_newer");
		connection = database.dataSource().getConnection();
		isNewer = connection.prepareStatement(IS_NEWER);
	}

	@AfterAll
	static void disconnect() throws SQLException {
		connection.close();
	}

	@Test
	void sqlAgreesWithJavaOnEveryPairOfKeys() throws SQLException {
		List<OrderingKey> keys = new ArrayList<>();
		for (Long version : Arrays.asList(null, 1L, 2L, 3L)) {
			for (Instant time : Arrays.asList(null, T1, T2)) {
				if (version != null || time != null) {
					keys.add(new OrderingKey(version, time));
				}
			}
		}
		List<String> disagreements = new ArrayList<>();
		int compared = 0;
		for (OrderingKey stored : keys) {
			for (OrderingKey incoming : keys) {
				Boolean java = incoming.isNewerThan(stored);
				Boolean sql = sqlIsNewer(stored, incoming);
				if (!java.equals(sql)) {
					disagreements.add(incoming + " newer than " + stored + ": Java " + java + ", SQL " + sql);
				}
				compared++;
			}
		}
		assertThat(compared).isEqualTo(11 * 11);
		assertThat(disagreements).isEmpty();
	}

	@Test
	void largerVersionWinsWhateverTheTimes() throws SQLException {
		assertThat(sqlIsNewer(key(1L, T2), key(2L, T1))).isTrue();
		assertThat(sqlIsNewer(key(2L, T1), key(1L, T2))).isFalse();
		assertThat(key(2L, T1).isNewerThan(key(1L, T2))).isTrue();
	}

	@Test
	void laterTimeWinsWhenEitherKeyLacksAVersion() throws SQLException {
		assertThat(sqlIsNewer(key(3L, T1), key(null, T2))).isTrue();
		assertThat(sqlIsNewer(key(null, T2), key(3L, T1))).isFalse();
		assertThat(key(null, T2).isNewerThan(key(3L, T1))).isTrue();
	}

	@Test
	void equalKeysAreDuplicates() throws SQLException {
		assertThat(sqlIsNewer(key(2L, T1), key(2L, T1))).isFalse();
		assertThat(sqlIsNewer(key(null, T1), key(null, T1))).isFalse();
		assertThat(key(2L, T1).isNewerThan(key(2L, T1))).isFalse();
	}

	@Test
	void aVersionRanksAboveATimeItCannotBeComparedWith() throws SQLException {
		assertThat(sqlIsNewer(key(null, T2), key(1L, null))).isTrue();
		assertThat(sqlIsNewer(key(1L, null), key(null, T2))).isFalse();
		assertThat(key(1L, null).isNewerThan(key(null, T2))).isTrue();
	}

	private static OrderingKey key(Long version, Instant time) {
		return new OrderingKey(version, time);
	}

	/** The function's answer, {@code null} included, so a NULL cannot pass as false. */
	private static Boolean sqlIsNewer(OrderingKey stored, OrderingKey incoming) throws SQLException {
		bind(1, stored);
		bind(3, incoming);
		try (ResultSet result = isNewer.executeQuery()) {
			assertThat(result.next()).isTrue();
			return result.getObject(1, Boolean.class);
		}
	}

	private static void bind(int index, OrderingKey key) throws SQLException {
		if (key.version() != null) {
			isNewer.setLong(index, key.version());
		}
		else {
			isNewer.setNull(index, Types.BIGINT);
		}
		if (key.time() != null) {
			isNewer.setObject(index + 1, OffsetDateTime.ofInstant(key.time(), ZoneOffset.UTC));
		}
		else {
			isNewer.setNull(index + 1, Types.TIMESTAMP_WITH_TIMEZONE);
		}
	}

}

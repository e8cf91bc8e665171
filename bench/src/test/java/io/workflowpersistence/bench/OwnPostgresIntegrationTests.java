package io.workflowpersistence.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --postgres-conf}: the benchmark's own PostgreSQL runs with the settings file it
 * is given, or with initdb's, and leaves nothing behind.
 */
class OwnPostgresIntegrationTests {

	private static final Path TUNED = Path.of("..", "docker", "postgres", "postgresql.conf");

	private static final Path WORK = Path.of("target", "own-postgres");

	@AfterEach
	void forgetTheServer() {
		System.clearProperty("TEST_DATABASE_URL");
		System.clearProperty("TEST_DATABASE_USERNAME");
	}

	@Test
	void theServerRunsWithTheSettingsFileAndIsDeletedWhenItStops() throws Exception {
		Path directory;
		try (OwnPostgres postgres = OwnPostgres.start(TUNED, WORK)) {
			assertThat(System.getProperty("TEST_DATABASE_URL")).isEqualTo(postgres.jdbcUrl());
			assertThat(setting(postgres, "shared_buffers")).isEqualTo("1GB");
			assertThat(setting(postgres, "shared_preload_libraries")).isEqualTo("pg_stat_statements");
			assertThat(setting(postgres, "listen_addresses")).as("the command line wins").isEqualTo("127.0.0.1");
			try (Stream<Path> clusters = Files.list(WORK)) {
				directory = clusters.filter((path) -> path.getFileName().toString().startsWith("postgres-"))
					.findFirst()
					.orElseThrow();
			}
		}
		assertThat(directory).doesNotExist();
	}

	@Test
	void initdbMeansPostgresStockSettings() throws Exception {
		try (OwnPostgres postgres = OwnPostgres.start(Path.of(OwnPostgres.STOCK), WORK)) {
			assertThat(setting(postgres, "shared_buffers")).isEqualTo("128MB");
			assertThat(setting(postgres, "shared_preload_libraries")).isEmpty();
		}
	}

	private static String setting(OwnPostgres postgres, String name) throws SQLException {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW " + name)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}

package io.workflowpersistence.db.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.Driver;

/**
 * A real PostgreSQL server for tests, found once per JVM, in which every test creates
 * databases of its own, so that test runs sharing a server never see each other's rows.
 * <p>
 * The server is, in this order:
 * <ol>
 * <li>the one at the JDBC URL of {@code TEST_DATABASE_URL}, as {@code
 * TEST_DATABASE_USERNAME} with {@code TEST_DATABASE_PASSWORD} (or the {@code user} and
 * {@code password} of the URL); it must answer, there is no fallback;</li>
 * <li>the one on {@code 127.0.0.1:5432}, as {@code postgres} without a password, through
 * its database {@code postgres} or {@code test}, if it answers within two seconds; set
 * {@code TEST_DATABASE_DISABLE_LOCAL=true} to skip it;</li>
 * <li>an embedded PostgreSQL, started once and stopped when the JVM exits.</li>
 * </ol>
 * Each setting is read from the system property of that name, else from the environment
 * variable. The user must be allowed to create databases and roles. Databases created
 * here are dropped when the JVM exits.
 */
public final class TestDatabase {

	private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");

	private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final int LOCAL_CONNECT_TIMEOUT_SECONDS = 2;

	private static TestDatabase server;

	private final String adminJdbcUrl;

	private final String username;

	private final String password;

	private final EmbeddedPostgres embedded;

	private final List<String> createdDatabases = new CopyOnWriteArrayList<>();

	private TestDatabase(String adminJdbcUrl, String username, String password, EmbeddedPostgres embedded) {
		this.adminJdbcUrl = adminJdbcUrl;
		this.username = username;
		this.password = password;
		this.embedded = embedded;
		Runtime.getRuntime().addShutdownHook(new Thread(this::close, "test-database-cleanup"));
	}

	/**
	 * The server of this JVM, found on first use.
	 * @return the server
	 */
	public static synchronized TestDatabase server() {
		if (server == null) {
			server = find();
		}
		return server;
	}

	/**
	 * Creates an empty database with a name no other test run uses.
	 * @param prefix the start of the name, e.g. the test class
	 * @return the new database
	 */
	public DatabaseInfo createDatabase(String prefix) {
		String name = uniqueName(prefix);
		try (Connection connection = connect(this.adminJdbcUrl, this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name + " on " + this.adminJdbcUrl, ex);
		}
		this.createdDatabases.add(name);
		return new DatabaseInfo(withDatabase(this.adminJdbcUrl, name), this.username, this.password, name);
	}

	/**
	 * Creates a database as {@link #createDatabase(String)} does and applies the
	 * migrations of {@code classpath:db/migration} to it.
	 * @param prefix the start of the name, e.g. the test class
	 * @return the migrated database
	 */
	public DatabaseInfo migratedDatabase(String prefix) {
		DatabaseInfo database = createDatabase(prefix);
		Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		return database;
	}

	/**
	 * The JDBC URL of the server's maintenance database, for statements about databases
	 * and roles.
	 * @return the JDBC URL
	 */
	public String adminJdbcUrl() {
		return this.adminJdbcUrl;
	}

	/**
	 * The superuser the tests connect as.
	 * @return the user name
	 */
	public String username() {
		return this.username;
	}

	/**
	 * The password of {@link #username()}.
	 * @return the password, or {@code null} when the server trusts the user
	 */
	public String password() {
		return this.password;
	}

	private static TestDatabase find() {
		String url = setting("TEST_DATABASE_URL");
		if (url != null) {
			return configured(url);
		}
		if (!Boolean.parseBoolean(setting("TEST_DATABASE_DISABLE_LOCAL"))) {
			TestDatabase local = local();
			if (local != null) {
				return local;
			}
		}
		return embedded();
	}

	private static TestDatabase configured(String url) {
		Properties parsed = Driver.parseURL(url, null);
		if (parsed == null) {
			throw new IllegalStateException("TEST_DATABASE_URL is not a PostgreSQL JDBC URL: " + url);
		}
		String username = firstNonNull(setting("TEST_DATABASE_USERNAME"), parsed.getProperty("user"),
				System.getProperty("user.name"));
		String password = firstNonNull(setting("TEST_DATABASE_PASSWORD"), parsed.getProperty("password"), null);
		// Credentials in the URL would win over those of each connection.
		String adminUrl = withoutCredentials(url);
		try (Connection connection = connect(adminUrl, username, password)) {
			log("the server of TEST_DATABASE_URL, " + adminUrl + " as " + username);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The server of TEST_DATABASE_URL does not answer: " + adminUrl, ex);
		}
		return new TestDatabase(adminUrl, username, password, null);
	}

	private static TestDatabase local() {
		SQLException failure = null;
		for (String database : List.of("postgres", "test")) {
			String url = LOCAL_SERVER + database;
			Properties properties = credentials("postgres", null);
			properties.setProperty("connectTimeout", String.valueOf(LOCAL_CONNECT_TIMEOUT_SECONDS));
			properties.setProperty("loginTimeout", String.valueOf(LOCAL_CONNECT_TIMEOUT_SECONDS));
			try (Connection connection = DriverManager.getConnection(url, properties)) {
				log("the local server, " + url + " as postgres");
				return new TestDatabase(url, "postgres", null, null);
			}
			catch (SQLException ex) {
				failure = ex;
			}
		}
		log("no local server on 127.0.0.1:5432 (" + failure.getMessage() + "), starting an embedded one");
		return null;
	}

	private static TestDatabase embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
			log("an embedded server, " + url + " as postgres");
			return new TestDatabase(url, "postgres", null, postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start an embedded PostgreSQL", ex);
		}
	}

	private void close() {
		if (this.embedded != null) {
			// Its data directory goes with it, and the databases in it.
			closeEmbedded();
			return;
		}
		try (Connection connection = connect(this.adminJdbcUrl, this.username, this.password)) {
			for (String name : this.createdDatabases) {
				drop(connection, name);
			}
		}
		catch (SQLException ex) {
			log("could not drop the databases " + this.createdDatabases + ": " + ex.getMessage());
		}
	}

	private static void drop(Connection connection, String database) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			log("could not drop the database " + database + ": " + ex.getMessage());
		}
	}

	private void closeEmbedded() {
		try {
			this.embedded.close();
		}
		catch (IOException ex) {
			log("could not stop the embedded server: " + ex.getMessage());
		}
	}

	static String uniqueName(String prefix) {
		String base = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
			base = "db_" + base;
		}
		base = base.substring(0, Math.min(base.length(), 40));
		String time = Long.toString(System.currentTimeMillis(), 36);
		String random = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36 * 36), 36);
		return base + "_" + time + "_" + random;
	}

	private static String withDatabase(String jdbcUrl, String database) {
		Matcher matcher = JDBC_URL.matcher(jdbcUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException("Cannot name a database in the JDBC URL " + jdbcUrl);
		}
		String parameters = (matcher.group(3) != null) ? matcher.group(3) : "";
		return matcher.group(1) + "/" + database + parameters;
	}

	private static String withoutCredentials(String jdbcUrl) {
		Matcher matcher = JDBC_URL.matcher(jdbcUrl);
		if (!matcher.matches() || matcher.group(3) == null) {
			return jdbcUrl;
		}
		String parameters = Arrays.stream(matcher.group(3).substring(1).split("&"))
			.filter((parameter) -> !parameter.startsWith("user=") && !parameter.startsWith("password="))
			.collect(Collectors.joining("&"));
		String database = (matcher.group(2) != null) ? matcher.group(2) : "";
		return matcher.group(1) + database + (parameters.isEmpty() ? "" : "?" + parameters);
	}

	private static Connection connect(String url, String username, String password) throws SQLException {
		return DriverManager.getConnection(url, credentials(username, password));
	}

	private static Properties credentials(String username, String password) {
		Properties properties = new Properties();
		properties.setProperty("user", username);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return properties;
	}

	private static String setting(String name) {
		String value = firstNonNull(System.getProperty(name), System.getenv(name), null);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static String firstNonNull(String first, String second, String third) {
		return (first != null) ? first : (second != null) ? second : third;
	}

	private static void log(String message) {
		System.err.println("TestDatabase: " + message);
	}

}

package io.workflowpersistence.worker.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's run command ({@code java -jar worker/target/worker.jar} from the
 * repository's root, after its build) as a new user would: as a child process with no
 * server configured. Waits for the API, watches instances, activities and bookmarks
 * appear and change, stops it with a signal as Ctrl+C does, and finds no process and no
 * data left behind. Needs the packaged jar, so it runs after {@code package} (failsafe).
 */
class FirstRunProcessTests {

	static final List<String> RUN_COMMAND = List.of("java", "-jar", "worker/target/worker.jar");

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Pattern DASHBOARD = Pattern.compile("Dashboard\\s+(http://localhost:\\d+)/");

	private static final Pattern POSTGRES = Pattern.compile("PostgreSQL\\s+(jdbc:postgresql://\\S+)");

	private static final Pattern DATA = Pattern.compile("Data\\s+(\\S+) \\(deleted on exit\\)");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void runCommandStartsEverythingShowsEventsFlowingAndStopsWithoutLeftovers() throws Exception {
		assertThat(ROOT.resolve(RUN_COMMAND.get(2))).as("the jar the README's build makes").exists();
		Path log = Path.of("target", "first-run.log").toAbsolutePath();
		List<String> command = new ArrayList<>(RUN_COMMAND);
		command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// A new user's shell: no server configured; any free port, as 8080 may be taken.
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("WORKER_"));
		builder.environment().put("SERVER_PORT", "0");
		Process process = builder.start();
		Set<ProcessHandle> started = new HashSet<>();
		started.add(process.toHandle());
		try {
			Map<String, String> where = awaitWhereToLook(process, log);
			String base = where.get("base");
			Path data = Path.of(where.get("data"));
			started.addAll(processesOf(process, data));
			assertThat(started).as("the worker and the embedded PostgreSQL").hasSizeGreaterThan(2);

			awaitHealthy(base);
			assertThat(get(base + "/").body()).contains("<title>Workflow persistence</title>");
			watchEventsFlow(where.get("jdbcUrl"));
			assertThat(get(base + "/dashboard/summary").body()).contains("\"instanceTotal\"");
			HttpResponse<String> api = get(base + "/api/v1/instances?limit=5");
			if (api.statusCode() != 404) {
				assertThat(api.statusCode()).isEqualTo(200);
				assertThat(api.body()).contains("\"items\"").contains("\"definitionId\"");
			}
			started.addAll(processesOf(process, data));

			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
			Awaitility.await()
				.atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(started.stream().filter(ProcessHandle::isAlive)).isEmpty());
			assertThat(data).doesNotExist();
			assertThat(Files.readString(log)).contains("Stopped the embedded Kafka broker and PostgreSQL");
		}
		finally {
			started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		}
	}

	/**
	 * Waits until the worker says where to look, and reads it.
	 */
	private static Map<String, String> awaitWhereToLook(Process process, Path log) {
		Map<String, String> where = new HashMap<>();
		Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
			String output = Files.readString(log);
			if (!process.isAlive()) {
				throw new AssertionError("The worker ended early:\n" + output);
			}
			Matcher dashboard = DASHBOARD.matcher(output);
			Matcher postgres = POSTGRES.matcher(output);
			Matcher data = DATA.matcher(output);
			if (!output.contains("Stop with Ctrl+C.") || !dashboard.find() || !postgres.find() || !data.find()) {
				return false;
			}
			where.put("base", dashboard.group(1));
			where.put("jdbcUrl", postgres.group(1));
			where.put("data", data.group(1));
			return true;
		});
		return where;
	}

	/**
	 * The worker's process tree and the embedded PostgreSQL's, which runs detached.
	 */
	private static Set<ProcessHandle> processesOf(Process process, Path data) {
		Set<ProcessHandle> processes = new HashSet<>(process.descendants().toList());
		ProcessHandle.allProcesses()
			.filter((handle) -> handle.info().commandLine().orElse("").contains(data.toString()))
			.forEach((postmaster) -> {
				processes.add(postmaster);
				postmaster.descendants().forEach(processes::add);
			});
		return processes;
	}

	private void awaitHealthy(String base) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(base + "/actuator/health").body().startsWith("{\"components\"")
					&& get(base + "/actuator/health").body().endsWith("\"status\":\"UP\"}"));
	}

	/**
	 * Watches the tables until instances, activities and bookmarks have appeared and
	 * changed: an instance with two statuses, an activity started then ended, a bookmark
	 * created then deleted.
	 */
	private static void watchEventsFlow(String jdbcUrl) throws SQLException {
		Map<String, Set<String>> instanceStatuses = new HashMap<>();
		Map<String, Set<String>> activityStatuses = new HashMap<>();
		Set<String> bookmarksSeen = new HashSet<>();
		Set<String> bookmarksGone = new HashSet<>();
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				rows(connection, "SELECT Id, Status || '/' || SubStatus FROM WorkflowInstances").forEach(
						(id, status) -> instanceStatuses.computeIfAbsent(id, (key) -> new HashSet<>()).add(status));
				rows(connection, "SELECT Id, Status FROM ActivityExecutionRecords").forEach(
						(id, status) -> activityStatuses.computeIfAbsent(id, (key) -> new HashSet<>()).add(status));
				Set<String> bookmarks = rows(connection, "SELECT Id, Id FROM Bookmarks").keySet();
				bookmarksSeen.stream().filter((id) -> !bookmarks.contains(id)).forEach(bookmarksGone::add);
				bookmarksSeen.addAll(bookmarks);
				return changed(instanceStatuses) && changed(activityStatuses) && !bookmarksGone.isEmpty()
						&& instanceStatuses.values()
							.stream()
							.flatMap(Set::stream)
							.anyMatch((status) -> status.startsWith("Finished/"));
			});
		}
		// Which way the first instances end (finished, faulted, cancelled) is the
		// simulator's
		// draw; that some have run, waited and ended is not.
		assertThat(instanceStatuses.values().stream().flatMap(Set::stream))
			.contains("Running/Executing", "Running/Suspended")
			.anyMatch((status) -> status.startsWith("Finished/"));
	}

	private static boolean changed(Map<String, Set<String>> statuses) {
		return statuses.values().stream().anyMatch((seen) -> seen.size() > 1);
	}

	private static Map<String, String> rows(Connection connection, String sql) throws SQLException {
		Map<String, String> rows = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.put(result.getString(1), result.getString(2));
			}
		}
		return rows;
	}

	private HttpResponse<String> get(String url) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

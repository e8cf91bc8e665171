package io.workflowpersistence.worker.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.events.ActivityExecutionRecord;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.WorkflowEvent;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Measures how long writing one batch of activity records takes, and how much CPU the
 * PostgreSQL backend spends on it, per way of sending its rows: the array parameters of
 * {@link EntityStore} ({@code unnest(?::varchar[], …)}), the same arrays sent as text as
 * they were before, and a {@code COPY} into a temporary staging table, in text or binary
 * format, followed by the same upsert reading the staging table. Each round writes a
 * batch of new rows, then the same rows again with a newer version (updates). Prints the
 * figures; run its main method with the test class path against a PostgreSQL on this
 * machine (the backend's CPU is read from {@code /proc}). Not a test: timings depend on
 * the machine.
 */
public final class BatchWriteThroughput {

	private static final int BATCH = 1_600;

	private static final int WARM_UP_ROUNDS = 10;

	private static final int ROUNDS = 40;

	private static final EntityTable<ActivityExecutionRecord> TABLE = EntityTables.ACTIVITIES;

	private static final String STAGING = "staging_" + TABLE.table().toLowerCase();

	// 2000-01-01T00:00:00Z, PostgreSQL's epoch for binary timestamps.
	private static final Instant POSTGRES_EPOCH = Instant.ofEpochSecond(946_684_800L);

	private static final byte[] BINARY_SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

	private BatchWriteThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : ROUNDS;
		DatabaseInfo database = TestDatabase.server().migratedDatabase("batchwrite");
		try (Connection connection = database.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			createStagingTable(connection);
			Map<String, Way> ways = new LinkedHashMap<>();
			ways.put("arrays as text (before)", new TextArrayWay(connection));
			ways.put("arrays (EntityStore)", new ArrayWay(connection));
			ways.put("COPY text + upsert", new CopyWay(connection, false));
			ways.put("COPY binary + upsert", new CopyWay(connection, true));
			BackendCpu backend = BackendCpu.of(connection);
			Map<String, List<Long>> inserts = new LinkedHashMap<>();
			Map<String, List<Long>> updates = new LinkedHashMap<>();
			Map<String, long[]> cpu = new LinkedHashMap<>();
			ways.keySet().forEach((name) -> {
				inserts.put(name, new ArrayList<>());
				updates.put(name, new ArrayList<>());
				cpu.put(name, new long[2]);
			});
			List<String> names = new ArrayList<>(ways.keySet());
			for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
				// Each round starts with another way, so none always meets a warmer
				// cache.
				for (int i = 0; i < names.size(); i++) {
					String name = names.get((round + i) % names.size());
					List<WorkflowEvent> batch = batch(round, name, 1);
					List<WorkflowEvent> newer = batch(round, name, 2);
					long cpuBefore = backend.micros();
					long inserted = timed(connection, ways.get(name), batch);
					long updated = timed(connection, ways.get(name), newer);
					long cpuUsed = backend.micros() - cpuBefore;
					if (round >= WARM_UP_ROUNDS) {
						inserts.get(name).add(inserted);
						updates.get(name).add(updated);
						cpu.get(name)[0] += cpuUsed;
						cpu.get(name)[1] += 2L * BATCH;
					}
				}
			}
			System.out.printf("%,d activity records per batch, %d rounds, statement time per batch in ms%n", BATCH,
					rounds);
			print("new rows", inserts);
			print("updates", updates);
			System.out.println("PostgreSQL backend CPU (user + system) per row, new rows and updates together:");
			cpu.forEach((name, used) -> System.out.printf("  %-24s %6.2f µs%n", name, (double) used[0] / used[1]));
			ways.forEach((name, way) -> {
				if (way instanceof CopyWay copy) {
					System.out.printf("  %-24s of which encoding and COPY: mean %6.2f (warm-up included)%n", name,
							copy.meanCopyMillis());
				}
			});
		}
	}

	private static long timed(Connection connection, Way way, List<WorkflowEvent> batch) throws SQLException {
		long start = System.nanoTime();
		int written = way.write(batch);
		long nanos = System.nanoTime() - start;
		connection.commit();
		if (written != batch.size()) {
			throw new IllegalStateException("Wrote " + written + " rows of " + batch.size());
		}
		return nanos;
	}

	private static void print(String scenario, Map<String, List<Long>> timings) {
		System.out.println(scenario + ":");
		timings.forEach((name, nanos) -> {
			long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("  %-24s mean %6.2f  median %6.2f  p90 %6.2f%n", name,
					Arrays.stream(sorted).average().orElse(0) / 1e6, sorted[sorted.length / 2] / 1e6,
					sorted[(int) (sorted.length * 0.9)] / 1e6);
		});
	}

	// Activity records as the simulator writes them; ids of their own per round and way.
	private static List<WorkflowEvent> batch(int round, String way, long version) {
		Instant started = Instant.parse("2026-03-01T08:00:00Z").plusSeconds(round * 60L);
		List<WorkflowEvent> events = new ArrayList<>(BATCH);
		for (int i = 0; i < BATCH; i++) {
			String instance = UUID.nameUUIDFromBytes((way + round + "/" + (i / 8)).getBytes()).toString();
			String id = UUID.nameUUIDFromBytes((way + round + "/" + i).getBytes()).toString();
			String correlation = "order-" + (round * BATCH + i / 8);
			boolean completed = version > 1;
			String data = "{\"input\": {\"correlationId\": \"" + correlation + "\"}"
					+ (completed ? ", \"output\": {\"outcome\": \"Done\"}}" : "}");
			ActivityExecutionRecord record = new ActivityExecutionRecord(id, instance, "Activity" + (i % 8),
					"Workflow1:Activity" + (i % 8), "Activity" + (i % 8), "Elsa.SendHttpRequest",
					completed ? "Completed" : "Running", data, null, started.plusMillis(i),
					completed ? started.plusMillis(i + 250) : null);
			events.add(new WorkflowEvent("evt-" + id + "-" + version, "/engine", EntityType.WORKFLOW_ACTIVITY,
					Operation.UPSERTED, id, new OrderingKey(version, started.plusMillis(i)), record));
		}
		return events;
	}

	private static void createStagingTable(Connection connection) throws SQLException {
		String columns = TABLE.columns()
			.stream()
			.map((column) -> column.name() + " " + column.sqlType())
			.collect(Collectors.joining(", "));
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMPORARY TABLE " + STAGING + " (" + columns
					+ ", EventVersion bigint, EventTime timestamptz) ON COMMIT DELETE ROWS");
		}
		connection.commit();
	}

	/**
	 * The CPU time PostgreSQL's backend serving one connection has used, read from
	 * {@code /proc} (the server runs on this machine).
	 */
	private record BackendCpu(Path stat) {

		// USER_HZ: the unit of /proc's CPU times, 100 on every Linux architecture.
		private static final long MICROS_PER_TICK = 10_000;

		static BackendCpu of(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
				result.next();
				return new BackendCpu(Path.of("/proc", result.getString(1), "stat"));
			}
		}

		// utime and stime, the 14th and 15th fields; the 2nd, the command, may hold
		// spaces and ends at the last parenthesis.
		long micros() {
			try {
				String line = Files.readString(this.stat);
				String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
				return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MICROS_PER_TICK;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private interface Way {

		int write(List<WorkflowEvent> batch) throws SQLException;

	}

	/**
	 * Today's path: {@link EntityStore} binding each column as one array.
	 */
	private static final class ArrayWay implements Way {

		private final EntityStore store;

		ArrayWay(Connection connection) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			this.store = new EntityStore(jdbc, new TagStore(jdbc));
		}

		@Override
		public int write(List<WorkflowEvent> batch) {
			return this.store.applyAll(batch).getOrDefault(EntityType.WORKFLOW_ACTIVITY, 0);
		}

	}

	/**
	 * The upsert of {@link EntityTable} bound as {@link SqlArrays} bound it before its
	 * arrays were all binary: numbers and booleans as array literals, timestamps as ISO
	 * texts in a {@code text[]} that PostgreSQL parses one by one.
	 */
	private static final class TextArrayWay implements Way {

		private final Connection connection;

		TextArrayWay(Connection connection) {
			this.connection = connection;
		}

		@Override
		public int write(List<WorkflowEvent> batch) throws SQLException {
			try (PreparedStatement statement = this.connection.prepareStatement(TABLE.upsertSql())) {
				int index = 1;
				for (Column<ActivityExecutionRecord> column : TABLE.columns()) {
					Object[] values = batch.stream()
						.map((event) -> column.value().apply((ActivityExecutionRecord) event.entity()))
						.toArray();
					statement.setArray(index++, textArray(column.sqlType(), values));
				}
				statement.setArray(index++,
						textArray("bigint", batch.stream().map((event) -> event.orderingKey().version()).toArray()));
				statement.setArray(index,
						textArray("timestamptz", batch.stream().map((event) -> event.orderingKey().time()).toArray()));
				int written = 0;
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						written++;
					}
				}
				return written;
			}
		}

		private Array textArray(String sqlType, Object[] values) throws SQLException {
			return switch (sqlType) {
				case "int" -> this.connection.createArrayOf("int4", values);
				case "bigint" -> this.connection.createArrayOf("int8", values);
				case "boolean" -> this.connection.createArrayOf("bool", values);
				default -> this.connection.createArrayOf("text",
						Arrays.stream(values)
							.map((value) -> (value != null) ? value.toString() : null)
							.toArray(String[]::new));
			};
		}

	}

	/**
	 * The rows copied into the staging table, then the same upsert reading it instead of
	 * {@code unnest(…)}.
	 */
	private static final class CopyWay implements Way {

		private final Connection connection;

		private final CopyManager copy;

		private final boolean binary;

		private final String upsert;

		private long copyNanos;

		private int copies;

		CopyWay(Connection connection, boolean binary) throws SQLException {
			this.connection = connection;
			this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
			this.binary = binary;
			this.upsert = upsertFromStaging();
		}

		@Override
		public int write(List<WorkflowEvent> batch) throws SQLException {
			long start = System.nanoTime();
			byte[] rows = this.binary ? binaryRows(batch) : textRows(batch);
			try {
				this.copy.copyIn("COPY " + STAGING + " FROM STDIN" + (this.binary ? " (FORMAT binary)" : ""),
						new ByteArrayInputStream(rows));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.copyNanos += System.nanoTime() - start;
			this.copies++;
			int written = 0;
			try (Statement statement = this.connection.createStatement();
					ResultSet result = statement.executeQuery(this.upsert)) {
				while (result.next()) {
					written++;
				}
			}
			// ON COMMIT DELETE ROWS empties it at commit; a batch split under savepoints
			// would need it emptied before each copy.
			return written;
		}

		double meanCopyMillis() {
			return this.copyNanos / 1e6 / this.copies;
		}

		// The upsert of EntityTable with its incoming rows read from the staging table.
		private static String upsertFromStaging() {
			String sql = TABLE.upsertSql();
			int start = sql.indexOf("SELECT * FROM unnest(");
			int end = sql.indexOf("EventVersion, EventTime)", start) + "EventVersion, EventTime)".length();
			return sql.substring(0, start) + "SELECT * FROM " + STAGING + " v" + sql.substring(end);
		}

		private static byte[] textRows(List<WorkflowEvent> batch) {
			StringBuilder rows = new StringBuilder(batch.size() * 256);
			for (WorkflowEvent event : batch) {
				ActivityExecutionRecord record = (ActivityExecutionRecord) event.entity();
				for (Column<ActivityExecutionRecord> column : TABLE.columns()) {
					appendText(rows, column.value().apply(record));
					rows.append('\t');
				}
				appendText(rows, event.orderingKey().version());
				rows.append('\t');
				appendText(rows, event.orderingKey().time());
				rows.append('\n');
			}
			return rows.toString().getBytes(StandardCharsets.UTF_8);
		}

		private static void appendText(StringBuilder rows, Object value) {
			if (value == null) {
				rows.append("\\N");
				return;
			}
			String text = value.toString();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '\\' -> rows.append("\\\\");
					case '\t' -> rows.append("\\t");
					case '\n' -> rows.append("\\n");
					case '\r' -> rows.append("\\r");
					default -> rows.append(c);
				}
			}
		}

		private static byte[] binaryRows(List<WorkflowEvent> batch) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(batch.size() * 256);
			DataOutputStream out = new DataOutputStream(bytes);
			try {
				out.write(BINARY_SIGNATURE);
				out.writeInt(0);
				out.writeInt(0);
				for (WorkflowEvent event : batch) {
					ActivityExecutionRecord record = (ActivityExecutionRecord) event.entity();
					out.writeShort(TABLE.columns().size() + 2);
					for (Column<ActivityExecutionRecord> column : TABLE.columns()) {
						writeBinary(out, column.sqlType(), column.value().apply(record));
					}
					writeBinary(out, "bigint", event.orderingKey().version());
					writeBinary(out, "timestamptz", event.orderingKey().time());
				}
				out.writeShort(-1);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return bytes.toByteArray();
		}

		private static void writeBinary(DataOutputStream out, String sqlType, Object value) throws IOException {
			if (value == null) {
				out.writeInt(-1);
				return;
			}
			switch (sqlType) {
				case "varchar" -> {
					byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
					out.writeInt(text.length);
					out.write(text);
				}
				case "jsonb" -> {
					byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
					out.writeInt(text.length + 1);
					out.writeByte(1);
					out.write(text);
				}
				case "timestamptz" -> {
					out.writeInt(8);
					out.writeLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, (Instant) value));
				}
				case "bigint" -> {
					out.writeInt(8);
					out.writeLong((Long) value);
				}
				default -> throw new IllegalArgumentException("No binary encoding here for " + sqlType);
			}
		}

	}

}

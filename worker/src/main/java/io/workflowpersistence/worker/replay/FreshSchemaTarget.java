package io.workflowpersistence.worker.replay;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.workflowpersistence.worker.store.SchemaStores;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild into a fresh schema beside the live one, migrated by the worker's migrations
 * and swapped in once the rebuild has caught up with the topics. The live schema is not
 * touched until the swap; an existing fresh schema of an interrupted rebuild is resumed
 * from the positions it records.
 */
final class FreshSchemaTarget implements RebuildTarget {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

	private final JdbcTemplate admin;

	private final DataSource adminDataSource;

	private final ConnectionSettings database;

	private final String live;

	private final String schema;

	private final String liveGroup;

	private final List<String> migrations;

	private final int connections;

	private HikariDataSource dataSource;

	private boolean swapped;

	FreshSchemaTarget(DataSource adminDataSource, ConnectionSettings database, Names names, List<String> migrations,
			int connections) {
		this.adminDataSource = adminDataSource;
		this.admin = new JdbcTemplate(adminDataSource);
		this.database = database;
		this.live = names.live();
		this.schema = names.schema();
		this.liveGroup = names.liveGroup();
		this.migrations = migrations;
		this.connections = connections;
		if (this.schema.equals(this.live)) {
			throw new CommandException(ReplayCommands.USAGE,
					"--schema names the live schema " + this.live + "; name a fresh one, or rebuild --in-place");
		}
	}

	static String defaultSchema() {
		return "rebuild_" + LocalDateTime.now().format(STAMP);
	}

	@Override
	public String describe() {
		return "a fresh schema " + this.schema + " beside the live schema " + this.live + ", swapped in once caught up";
	}

	@Override
	public DataSource prepare() {
		boolean resumed = SchemaObjects.schemaExists(this.admin, this.schema);
		List<String> searchPath = new ArrayList<>(List.of(this.schema));
		SchemaObjects.extensionSchemas(this.admin)
			.stream()
			.filter((extensionSchema) -> !extensionSchema.equals(this.schema))
			.forEach(searchPath::add);
		if (!resumed) {
			this.admin.execute("CREATE SCHEMA " + this.schema);
		}
		this.dataSource = this.database.pooled("rebuild", this.connections, String.join(", ", searchPath));
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(this.schema)
			.defaultSchema(this.schema)
			.createSchemas(false)
			.locations(this.migrations.toArray(String[]::new))
			.load()
			.migrate();
		checkTables();
		return this.dataSource;
	}

	// The live schema may be on the search path too (where extensions live): a table
	// missing here would be written there.
	private void checkTables() {
		List<String> tables = new ArrayList<>(SchemaStores.eventTables());
		tables.add("ConsumerOffsets");
		List<String> missing = tables.stream()
			.filter((table) -> !SchemaObjects.tableExists(this.admin, this.schema, table))
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The migrations " + this.migrations + " did not create " + missing
					+ " in schema " + this.schema + "; nothing was written");
		}
	}

	@Override
	public Map<TopicPartition, Long> readAtLeastTo() {
		return Map.of();
	}

	@Override
	public boolean catchesUp() {
		return true;
	}

	@Override
	public List<String> finish(Map<TopicPartition, Long> positions) {
		String retired = retiredSchema();
		SchemaSwap.Result swap = new SchemaSwap(this.adminDataSource).swap(this.live, this.schema, retired,
				this.liveGroup, positions);
		this.swapped = true;
		long reread = 0;
		for (Map.Entry<TopicPartition, Long> position : positions.entrySet()) {
			long livePosition = swap.livePositions().getOrDefault(position.getKey(), position.getValue());
			reread += Math.max(0, livePosition - position.getValue());
		}
		List<String> lines = new ArrayList<>();
		lines.add(String.format(
				"Swapped the rebuilt schema in for %s in %d ms (%d privileges copied); the replaced "
						+ "tables are kept in schema %s: DROP SCHEMA %s CASCADE once they are no longer needed.",
				this.live, swap.took().toMillis(), swap.grants(), retired, retired));
		lines.add(String.format(
				"Live consumer group %s goes on from the rebuild's positions: it reads %,d records again.",
				this.liveGroup, reread));
		if (!swap.kept().isEmpty()) {
			lines.add("Left in " + this.live + ", as the rebuild has no counterpart of them (they still refer to "
					+ "the replaced tables): " + String.join(", ", swap.kept()));
		}
		return lines;
	}

	private String retiredSchema() {
		String name = this.live + "_replaced_" + LocalDateTime.now().format(STAMP);
		return (name.length() <= 63) ? name : "replaced_" + LocalDateTime.now().format(STAMP);
	}

	@Override
	public String leftBehind() {
		if (this.swapped || this.dataSource == null) {
			return "";
		}
		return "The partial schema " + this.schema + " is kept: run the rebuild again with --schema " + this.schema
				+ " to resume it, or remove it with DROP SCHEMA " + this.schema + " CASCADE.";
	}

	@Override
	public void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	/**
	 * The names a fresh-schema rebuild works with.
	 *
	 * @param live the live schema
	 * @param schema the fresh schema
	 * @param liveGroup the live consumer group
	 */
	record Names(String live, String schema, String liveGroup) {
	}

}

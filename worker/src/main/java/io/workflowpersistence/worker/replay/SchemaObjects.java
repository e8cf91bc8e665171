package io.workflowpersistence.worker.replay;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a schema holds besides extensions: tables, views, free-standing sequences and
 * routines, the objects a schema swap moves. Indexes, constraints, owned sequences and
 * row types move with their tables.
 */
final class SchemaObjects {

	private static final String CURRENT_SCHEMA = """
			SELECT current_schema()
			""";

	private static final String SCHEMA_EXISTS = """
			SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)
			""";

	private static final String TABLE_EXISTS = """
			SELECT EXISTS (
			    SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			    WHERE n.nspname = ? AND c.relname = lower(?))
			""";

	private static final String EXTENSION_SCHEMAS = """
			SELECT DISTINCT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
			WHERE n.nspname <> 'pg_catalog' ORDER BY n.nspname
			""";

	private static final String EXTENSIONS_IN = """
			SELECT quote_ident(e.extname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
			WHERE n.nspname = ?
			""";

	private static final String OBJECTS = """
			SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
			                      WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind,
			       quote_ident(c.relname) AS name, NULL AS arguments, pg_get_userbyid(c.relowner) AS owner
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
			  AND NOT EXISTS (
			      SELECT 1 FROM pg_depend d
			      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			        AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
			UNION ALL
			SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
			       quote_ident(p.proname), pg_get_function_identity_arguments(p.oid), pg_get_userbyid(p.proowner)
			FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE n.nspname = ?
			  AND NOT EXISTS (
			      SELECT 1 FROM pg_depend d
			      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
			ORDER BY 1, 2
			""";

	private SchemaObjects() {
	}

	static String currentSchema(JdbcTemplate jdbc) {
		String schema = jdbc.queryForObject(CURRENT_SCHEMA, String.class);
		if (schema == null) {
			throw new CommandException(ReplayCommands.FAILED,
					"No schema of the connection's search path exists: the live schema is unknown");
		}
		return schema;
	}

	static boolean schemaExists(JdbcTemplate jdbc, String schema) {
		return Boolean.TRUE.equals(jdbc.queryForObject(SCHEMA_EXISTS, Boolean.class, schema));
	}

	static boolean tableExists(JdbcTemplate jdbc, String schema, String table) {
		return Boolean.TRUE.equals(jdbc.queryForObject(TABLE_EXISTS, Boolean.class, schema, table));
	}

	/**
	 * The schemas extensions live in, which a fresh schema's search path needs too (the
	 * operator classes of {@code pg_trgm}, for instance).
	 */
	static List<String> extensionSchemas(JdbcTemplate jdbc) {
		return jdbc.queryForList(EXTENSION_SCHEMAS, String.class);
	}

	static List<String> extensionsIn(JdbcTemplate jdbc, String schema) {
		return jdbc.queryForList(EXTENSIONS_IN, String.class, schema);
	}

	static List<SchemaObject> list(JdbcTemplate jdbc, String schema) {
		return jdbc.query(OBJECTS, (row, number) -> new SchemaObject(row.getString("kind"), row.getString("name"),
				row.getString("arguments"), row.getString("owner")), schema, schema);
	}

	/**
	 * One object of a schema.
	 *
	 * @param kind the word of its {@code ALTER} statement: TABLE, VIEW, FUNCTION, …
	 * @param name its name, quoted where needed
	 * @param arguments the argument types of a routine, {@code null} for a relation
	 * @param owner the role that owns it
	 */
	record SchemaObject(String kind, String name, String arguments, String owner) {

		/**
		 * Relations share one namespace whatever their kind; routines are told apart by
		 * their arguments.
		 */
		String identity() {
			return (this.arguments != null) ? this.name + "(" + this.arguments + ")" : this.name;
		}

		String in(String schema) {
			return schema + "." + identity();
		}

		boolean isTable() {
			return this.kind.equals("TABLE");
		}

		boolean isRelation() {
			return this.arguments == null;
		}

	}

}
